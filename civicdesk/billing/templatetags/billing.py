from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def money(cents, currency: str = ""):
    """12345, "EUR" -> "123.45 EUR" in the reader's number format; None -> "—"."""
    if cents is None or cents == "":
        return "—"
    amount = number_format(Decimal(cents) / 100, decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"{amount} {currency}".strip()
