"""The search index's registry row; the words themselves live in the engine's index."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from civicdesk.core.search.keys import MAX_SORT_KEY, TIE_BITS


class SearchEntry(models.Model):
    """One indexed object, written only through `civicdesk.core.search`.

    The analysed text and the filter terms are stored by the engine, keyed by `id`: on SQLite
    in the FTS5 table `core_searchentry_fts` (rowid = id), on PostgreSQL in the `document`
    tsvector column of this table with a GIN index. Both come from core's migration 0001 and
    are invisible to the ORM, so nothing outside `backends/` knows which engine runs. On
    SQLite a trigger deletes the FTS5 row with the entry, whoever deletes it (the module, a
    test's flush, a manual clean-up).

    The organisation is a plain integer, not a foreign key: the index is derived data that
    only the module writes, and core stays free of org's migrations.
    """

    # Assigned by the module (see keys.py); an auto field only because on SQLite that makes
    # it the rowid, which the FTS5 table joins on.
    id = models.BigAutoField(primary_key=True)
    organisation_id = models.BigIntegerField(null=True, help_text="None: every organisation")
    kind = models.CharField(max_length=32)
    object_id = models.BigIntegerField()
    language = models.CharField(max_length=2, blank=True, help_text="Blank: unknown")
    sort_key = models.BigIntegerField()
    updated_at = models.DateTimeField()

    class Meta:
        app_label = "core"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="core_searchentry_kind_object_unique"
            ),
            models.CheckConstraint(
                condition=Q(sort_key__gte=0, sort_key__lte=MAX_SORT_KEY)
                & Q(id__gte=F("sort_key") * 2**TIE_BITS)
                & Q(id__lt=(F("sort_key") + 1) * 2**TIE_BITS),
                name="core_searchentry_id_follows_sort_key",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
