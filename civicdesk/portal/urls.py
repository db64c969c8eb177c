from django.urls import path

from civicdesk.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:organisation>/", views.faq, name="faq"),
    path("<slug:organisation>/<int:article_id>/", views.article, name="article"),
]
