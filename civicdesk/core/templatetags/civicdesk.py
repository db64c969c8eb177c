import datetime

from django import template

register = template.Library()


@register.filter
def whole_minutes(value: datetime.timedelta | None) -> int:
    """A duration in whole minutes, rounded up, for messages such as "try again in N minutes"."""
    if not value:
        return 0
    return -(-int(value.total_seconds()) // 60)


@register.filter
def minutes_seconds(seconds: int | None) -> str:
    """A talk time such as 4:05 (minutes and seconds)."""
    seconds = int(seconds or 0)
    return f"{seconds // 60}:{seconds % 60:02d}"
