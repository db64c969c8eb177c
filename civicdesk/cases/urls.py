from django.urls import path

from civicdesk.cases import checklist_views, views

app_name = "cases"
urlpatterns = [
    path("", views.work_lists, name="work_lists"),
    path("new/", views.new_contact, name="new_contact"),
    path("new/callers/", views.caller_lookup, name="caller_lookup"),
    path("new/history/", views.caller_history, name="caller_history"),
    path("visit/", views.visit, name="visit"),
    path("search/", views.search, name="search"),
    path("alarms/", views.alarms, name="alarms"),
    path("<int:case_id>/", views.detail, name="detail"),
    path("<int:case_id>/attachments/<int:attachment_id>/", views.attachment, name="attachment"),
    path("<int:case_id>/checklist/", checklist_views.case_checklist, name="checklist"),
    path("<int:case_id>/<slug:action>/", views.act, name="act"),
]
