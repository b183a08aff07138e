from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from .health import healthz


@login_not_required
def login(request):
    # With DEBUG on (make run), the page names the demo accounts seed_demo creates.
    view = auth_views.LoginView.as_view(
        redirect_authenticated_user=True, extra_context={"demo_accounts": settings.DEBUG}
    )
    return view(request)


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("login/", login, name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("account/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("admin/", admin.site.urls),
    path("", include("claims.urls")),
]

# A failed request's page (a database that does not answer gets 503 and says so).
handler500 = "workbench.errors.server_error"
