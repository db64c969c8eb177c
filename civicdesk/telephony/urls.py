from django.urls import path

from civicdesk.telephony import views

app_name = "telephony"
urlpatterns = [path("calls/<int:call_id>/", views.call_screen, name="call")]
