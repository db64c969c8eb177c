from django.urls import path

from civicdesk.reporting import prestudy_views, views

app_name = "reporting"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("digests/", views.digests, name="digests"),
    path("digests/<int:digest_id>/", views.digest, name="digest"),
    path("staffing/", views.staffing, name="staffing"),
    path("relief/", views.relief, name="relief"),
    path("prestudy/", prestudy_views.prestudy_report, name="prestudy"),
    path("monthly/", views.monthly_report, name="monthly_report"),
]
