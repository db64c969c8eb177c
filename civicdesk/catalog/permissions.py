import rules

from civicdesk.core.authz import add_model_permissions
from civicdesk.org.permissions import ALL_ACTIONS, belongs_to_organisation, is_administrator

rules.add_perm("catalog.view_catalogue", belongs_to_organisation)
rules.add_perm("catalog.manage_catalogue", is_administrator)
add_model_permissions(rules, "catalog", ["topic", "casetype"], ALL_ACTIONS, is_administrator)
