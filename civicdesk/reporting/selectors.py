from __future__ import annotations

from django.db.models import Q, QuerySet

from civicdesk.core import authz
from civicdesk.core.selectors import get_for_actor
from civicdesk.org.models import User
from civicdesk.reporting.models import Digest


def digests_for_actor(actor: User) -> QuerySet[Digest]:
    """Team leads and administrators see every digest; a group's manager sees the group's."""
    digests = Digest.objects.for_actor(actor).select_related(
        "answer_group", "department", "organisation"
    )
    if actor.is_superuser or authz.can(actor, "reporting.view_digests"):
        return digests
    return digests.filter(Q(answer_group__manager=actor))


def get_digest(actor: User, digest_id) -> Digest:
    return get_for_actor(digests_for_actor(actor), digest_id)
