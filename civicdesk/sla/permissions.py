import rules

from civicdesk.core.authz import add_model_permissions
from civicdesk.org.permissions import ALL_ACTIONS, is_administrator

rules.add_perm("sla.manage_service_levels", is_administrator)
add_model_permissions(
    rules,
    "sla",
    ["businesscalendar", "openinghours", "closure", "slapolicy"],
    ALL_ACTIONS,
    is_administrator,
)
