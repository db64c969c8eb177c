app_name = "telephony"
urlpatterns: list = []
