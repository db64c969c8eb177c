from django.urls import path

from civicdesk.sms import views

app_name = "sms"
urlpatterns = [
    path("webhooks/inbound/", views.inbound_webhook, name="inbound_webhook"),
    path("webhooks/status/", views.status_webhook, name="status_webhook"),
    path("segments/", views.segments, name="segments"),
    path("cases/<int:case_id>/send/", views.send_from_case, name="send"),
]
