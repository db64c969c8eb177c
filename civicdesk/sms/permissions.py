import rules

from civicdesk.core.authz import add_model_permissions
from civicdesk.org.permissions import ALL_ACTIONS, is_administrator

# An organisation's administrators set up its SMS numbers; the outbox and the refused webhook
# calls are the installation's (admin.py).
add_model_permissions(rules, "sms", ["smsnumber"], ALL_ACTIONS, is_administrator)
