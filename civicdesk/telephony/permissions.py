"""Who may report calls, see them and receive them on screen (django-rules predicates)."""

import rules

from civicdesk.cases.permissions import is_channel_account, is_team_lead, serves_customers
from civicdesk.core.authz import add_model_permissions
from civicdesk.org.permissions import ALL_ACTIONS, is_administrator


@rules.predicate
def is_person(user, obj=None) -> bool:
    """Someone who signs in, not a channel's account."""
    return not getattr(user, "is_channel_account", False)


# The phone system reports through a channel account's token or an administrator's.
rules.add_perm("telephony.report_call_events", is_administrator | is_channel_account)
# is_team_lead includes administrators.
rules.add_perm("telephony.view_call", (serves_customers | is_team_lead) & is_person)
# The agent on the call registers its contact from the popped screen.
rules.add_perm("telephony.link_call", serves_customers & is_person)
rules.add_perm("telephony.receive_screen_pops", serves_customers & is_person)
add_model_permissions(rules, "telephony", ["extension"], ALL_ACTIONS, is_administrator)
