from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    """?limit=&offset=, answering {"items": [...], "count": N}; the limit is capped."""

    class Input(Schema):
        limit: int = Field(
            default_factory=lambda: settings.CIVICDESK_API_PAGE_SIZE,
            ge=1,
            le=500,
            description="How many items to return (at most 500).",
        )
        offset: int = Field(0, ge=0)
