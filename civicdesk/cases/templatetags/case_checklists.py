from django import template

from civicdesk.cases import checklists
from civicdesk.core import authz

register = template.Library()


@register.simple_tag(takes_context=True)
def checklists_on_case(context, case) -> dict:
    """The case type's checklists with each step's state, and whether the reader may tick."""
    actor = context["request"].user
    return {
        "lists": checklists.checklists_on_case(actor, case),
        "can_tick": authz.can(actor, "cases.work_on_case", case),
    }
