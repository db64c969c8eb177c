from auditlog.registry import auditlog

from civicdesk.customers.models import Customer

# Which fields changed is audited; the protected values themselves are not copied into the log.
auditlog.register(Customer, exclude_fields=["national_id_hash", "national_id_encrypted"])
