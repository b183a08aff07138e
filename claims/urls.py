from django.urls import path

from .views import articles, dashboard, exports, jobs, public, review, search, sources, workspace

app_name = "claims"

# One route per line, so the table reads as a table (ruff format leaves it as written).
# fmt: off
urlpatterns = [
    path("", articles.article_list, name="article_list"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("articles/import/", articles.article_import, name="article_import"),
    path("articles/<int:article_id>/", workspace.article_detail, name="article_detail"),
    path("articles/export/", exports.articles_export, name="articles_export"),
    path("articles/<int:article_id>/export/", exports.article_export, name="article_export"),
    path("articles/<int:article_id>/activity/", workspace.article_activity, name="article_activity"),
    path("articles/<int:article_id>/panel/", workspace.workspace_panel, name="workspace_panel"),
    path("articles/<int:article_id>/sentences/<int:sentence_id>/claims/", workspace.claim_mark, name="claim_mark"),
    path("articles/<int:article_id>/sentences/<int:sentence_id>/reviewed/", workspace.sentence_reviewed, name="sentence_reviewed"),
    path("articles/<int:article_id>/sentences/<int:sentence_id>/split/", workspace.sentence_split, name="sentence_split"),
    path("articles/<int:article_id>/sentences/<int:sentence_id>/merge/", workspace.sentence_merge, name="sentence_merge"),
    path("claims/<int:claim_id>/", workspace.claim_save, name="claim_save"),
    path("claims/<int:claim_id>/remove/", workspace.claim_remove, name="claim_remove"),
    path("claims/<int:claim_id>/reuse/<int:prior_id>/", workspace.claim_reuse, name="claim_reuse"),
    path("suggestions/<int:suggestion_id>/accept/", workspace.suggestion_accept, name="suggestion_accept"),
    path("suggestions/<int:suggestion_id>/dismiss/", workspace.suggestion_dismiss, name="suggestion_dismiss"),
    path("suggestions/<int:suggestion_id>/accept-speaker/", workspace.suggestions_accept_speaker, name="suggestions_accept_speaker"),
    path("articles/<int:article_id>/publish/", public.article_publish, name="article_publish"),
    path("articles/<int:article_id>/unpublish/", public.article_unpublish, name="article_unpublish"),
    path("fact-checks/<slug:slug>/", public.public_page, name="public_page"),
    path("fact-checks/<slug:slug>/text/", public.public_text, name="public_text"),
    path("articles/<int:article_id>/annotations/", exports.article_annotations, name="article_annotations"),
    path("articles/<int:article_id>/suggestions/run/", workspace.suggestions_run, name="suggestions_run"),
    path("jobs/<uuid:job_id>/", jobs.job_detail, name="job_detail"),
    path("jobs/<uuid:job_id>/download/", jobs.job_download, name="job_download"),
    path("jobs/<uuid:job_id>/retry/", jobs.job_retry, name="job_retry"),
    path("search/", search.search_page, name="search"),
    path("review/", review.review_queue, name="review_queue"),
    path("review/approve/", review.labels_approve, name="labels_approve"),
    path("review/<int:label_id>/approve/", review.label_approve, name="label_approve"),
    path("review/<int:label_id>/reject/", review.label_reject, name="label_reject"),
    path("sources/", sources.source_list, name="source_list"),
    path("sources/new/", sources.source_create, name="source_create"),
    path("sources/search/", sources.source_search, name="source_search"),
    path("sources/<int:source_id>/", sources.source_detail, name="source_detail"),
    path("sources/<int:source_id>/edit/", sources.source_edit, name="source_edit"),
    path("sources/<int:source_id>/merge/", sources.source_merge, name="source_merge"),
]
# fmt: on
