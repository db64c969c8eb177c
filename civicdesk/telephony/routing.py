from django.urls import path

from civicdesk.telephony.consumers import ScreenPopConsumer

websocket_urlpatterns = [path("ws/telephony/pops/", ScreenPopConsumer.as_asgi())]
