from django.urls import path

from civicdesk.intake import reply_views, views

app_name = "intake"
urlpatterns: list = [
    path("cases/<int:case_id>/reply/", reply_views.reply, name="reply"),
    path("messages/<int:mail_message_id>/", views.message, name="message"),
    path(
        "messages/<int:mail_message_id>/original/",
        views.message_original,
        name="message_original",
    ),
    path("quarantine/", views.quarantine, name="quarantine"),
    path("quarantine/<int:quarantined_mail_id>/", views.quarantined, name="quarantined"),
    path(
        "quarantine/<int:quarantined_mail_id>/original/",
        views.quarantined_original,
        name="quarantined_original",
    ),
    path("quarantine/<int:quarantined_mail_id>/release/", views.release, name="release"),
    path("quarantine/<int:quarantined_mail_id>/discard/", views.discard, name="discard"),
]
