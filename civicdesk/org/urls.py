from django.urls import path

from civicdesk.org import views

app_name = "org"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("groups/<int:group_id>/", views.group_detail, name="group"),
]
