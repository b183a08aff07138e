from django.urls import path

from .views import articles

app_name = "claims"

urlpatterns = [
    path("", articles.article_list, name="article_list"),
    path("articles/import/", articles.article_import, name="article_import"),
    path("articles/<int:article_id>/", articles.article_detail, name="article_detail"),
]
