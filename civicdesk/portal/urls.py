from django.urls import path

from civicdesk.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:organisation>/", views.faq, name="faq"),
    path("<slug:organisation>/<int:article_id>/", views.article, name="article"),
    path("<slug:organisation>/contact/", views.contact, name="contact"),
    path("<slug:organisation>/contact/sent/", views.contact_sent, name="contact_sent"),
    path("<slug:organisation>/status/", views.status, name="status"),
    path("<slug:organisation>/status/<slug:token>/", views.status_code, name="status_code"),
]
