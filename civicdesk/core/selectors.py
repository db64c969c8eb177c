from django.db.models import QuerySet

from civicdesk.core.errors import NotFound


def get_for_actor(queryset: QuerySet, pk):
    """One object from an actor-scoped queryset, or NotFound: hidden rows do not exist."""
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None
