from auditlog.registry import auditlog

from civicdesk.catalog.models import CaseType, Topic

auditlog.register(Topic)
auditlog.register(CaseType)
