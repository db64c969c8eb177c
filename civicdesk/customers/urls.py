from django.urls import path

from civicdesk.customers import views

app_name = "customers"
urlpatterns = [
    path("", views.lookup, name="lookup"),
    path("new/", views.create, name="create"),
    path("<int:customer_id>/", views.detail, name="detail"),
    path("<int:customer_id>/edit/", views.edit, name="edit"),
    path("<int:customer_id>/contacts/", views.add_contact, name="add_contact"),
    path("<int:customer_id>/national-id/", views.reveal_national_id, name="national_id"),
    path("<int:customer_id>/access-log/", views.access_log, name="access_log"),
]
