from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from civicdesk import views
from civicdesk.api import api
from civicdesk.cases import unified_search
from civicdesk.core.views import healthz
from civicdesk.org.views import switch_language

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("language/", switch_language, name="switch_language"),
    path("cases/", include("civicdesk.cases.urls")),
    path("reporting/", include("civicdesk.reporting.urls")),
    path("billing/", include("civicdesk.billing.urls")),
    path("mail/", include("civicdesk.intake.urls")),
    path("sms/", include("civicdesk.sms.urls")),
    path("telephony/", include("civicdesk.telephony.urls")),
    path("customers/", include("civicdesk.customers.urls")),
    path("directory/", include("civicdesk.org.urls")),
    path("catalogue/", include("civicdesk.catalog.urls")),
    path("knowledge/", include("civicdesk.knowledge.urls")),
    path("search/", unified_search.search, name="search"),
    path("faq/", include("civicdesk.portal.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("healthz", healthz, name="healthz"),
]
