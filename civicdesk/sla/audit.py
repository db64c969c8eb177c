from auditlog.registry import auditlog

from civicdesk.sla.models import BusinessCalendar, Closure, OpeningHours, SlaPolicy

auditlog.register(BusinessCalendar)
auditlog.register(OpeningHours)
auditlog.register(Closure)
auditlog.register(SlaPolicy)
