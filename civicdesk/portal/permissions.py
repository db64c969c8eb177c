"""Who may see what the citizens' pages record (django-rules predicates)."""

import rules

from civicdesk.core.authz import add_model_permissions
from civicdesk.org.permissions import is_administrator

add_model_permissions(rules, "portal", ["heldback"], ("view",), is_administrator)
