"""`{% sms_on_case case can_send %}`: the case page's SMS block (its messages with their
delivery status, and the link to send one), without the cases app knowing about SMS."""

from django import template

from civicdesk.sms import selectors

register = template.Library()


@register.inclusion_tag("sms/_case_block.html")
def sms_on_case(case, can_send: bool):
    return {"case": case, "can_send": can_send, "sms_messages": selectors.messages_of_case(case)}
