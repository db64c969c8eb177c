"""Reads of calls, always through the actor."""

from __future__ import annotations

from django.db.models import QuerySet

from civicdesk.core import authz
from civicdesk.core.selectors import get_for_actor
from civicdesk.org.models import User
from civicdesk.telephony.models import Call


def calls_for_actor(actor: User) -> QuerySet[Call]:
    return Call.objects.for_actor(actor)


def get_call(actor: User, call_id) -> Call:
    call = get_for_actor(calls_for_actor(actor).select_related("organisation"), call_id)
    authz.require(actor, "telephony.view_call", call)
    return call
