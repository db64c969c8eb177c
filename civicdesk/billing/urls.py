from django.urls import path

from civicdesk.billing import views

app_name = "billing"
urlpatterns = [
    path("", views.statements, name="statements"),
    path("produce/", views.produce, name="produce"),
    path("statements/<int:statement_id>/", views.statement, name="statement"),
    path("statements/<int:statement_id>/issue/", views.issue, name="issue"),
    path("prices/", views.prices, name="prices"),
]
