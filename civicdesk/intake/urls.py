from django.urls import path

from civicdesk.intake import reply_views

app_name = "intake"
urlpatterns: list = [
    path("cases/<int:case_id>/reply/", reply_views.reply, name="reply"),
]
