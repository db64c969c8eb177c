"""How report figures read on a page: a missing figure is a dash, never 0."""

from django import template
from django.utils.formats import number_format

register = template.Library()

NO_FIGURE = "—"


@register.filter
def figure(value):
    """A table cell: a count, a rounded share or seconds; None (nothing to divide) as a dash."""
    if value is None or value == "":
        return NO_FIGURE
    if isinstance(value, float):
        return number_format(value, decimal_pos=1, use_l10n=True)
    return value


@register.filter
def percent(rate):
    """A share in [0, 1] as a whole percentage."""
    if rate is None:
        return NO_FIGURE
    return f"{round(rate * 100)} %"


@register.filter
def duration(seconds):
    """Seconds as minutes and seconds, such as 3:05."""
    if seconds is None:
        return NO_FIGURE
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
