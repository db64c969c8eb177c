from django.urls import path

from civicdesk.catalog import views

app_name = "catalog"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("case-types/<int:case_type_id>/", views.case_type_detail, name="case_type"),
]
