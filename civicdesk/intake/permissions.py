"""Who may do what with mailboxes, received messages and the quarantine (django-rules)."""

import rules

from civicdesk.cases.permissions import is_channel_account
from civicdesk.core.authz import add_model_permissions
from civicdesk.org.permissions import ALL_ACTIONS, is_administrator


@rules.predicate
def may_see_message_case(user, message=None) -> bool:
    """A received message is read by whoever may see its case (confidentiality included)."""
    if message is None or message.case_id is None:
        return False
    return user.has_perm("cases.view_case", message.case)


# A mail gateway posting into a mailbox: the organisation's administrators' tokens, or the
# e-mail channel's own account.
rules.add_perm("intake.deliver_mail", is_administrator | is_channel_account)
rules.add_perm("intake.view_message", may_see_message_case)
rules.add_perm("intake.manage_quarantine", is_administrator)
add_model_permissions(rules, "intake", ["mailbox"], ALL_ACTIONS, is_administrator)
