from auditlog.registry import auditlog

from civicdesk.billing.models import EventTypeMapping, Price, ServiceEventType

auditlog.register(ServiceEventType)
auditlog.register(EventTypeMapping)
auditlog.register(Price)
