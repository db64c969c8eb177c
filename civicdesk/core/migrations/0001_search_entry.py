"""The search index: the SearchEntry table on both engines, plus the engine's own index.

SQLite: an FTS5 table whose rowid is SearchEntry.id, and a trigger that deletes its row with
the entry. Its text was analysed in Python (civicdesk.core.search.analysis) into lower-case
terms of letters and digits separated by spaces, so the tokenizer must only split on the
spaces: "ascii" does exactly that (every non-ASCII character is a token character), with "_"
added for filter terms. unicode61 would re-split terms on the few letters its Unicode tables
lack (U+19B0 and 20 more in SQLite 3.40) and fail such a query as an unsupported phrase.
detail=column keeps which field a term is in (for bm25 weights) but no positions, which no
query needs. A prefix index of 3 characters makes the shortest type-ahead prefix cheap;
longer ones are expanded to exact terms through core_searchentry_terms.

PostgreSQL: a tsvector column built from the same terms (weights A/B/C per field, filter
terms without positions) with a GIN index, and an index on (kind, id) for the newest entries
of a kind (backends/postgresql.py says why).
"""

import django.db.models.expressions
from django.db import migrations, models

SQLITE_CREATE = [
    """
    CREATE VIRTUAL TABLE core_searchentry_fts USING fts5(
        title, body, extra, filters,
        tokenize = "ascii tokenchars '_'",
        prefix = '3',
        detail = column
    )
    """,
    # Inserts are explicit (only Python can analyse); deletes follow the entry, whoever
    # deletes it.
    """
    CREATE TRIGGER core_searchentry_delete_fts AFTER DELETE ON core_searchentry BEGIN
        DELETE FROM core_searchentry_fts WHERE rowid = old.id;
    END
    """,
    # Every term ever indexed, to expand prefixes (backends/__init__.py says why).
    "CREATE TABLE core_searchentry_terms (term TEXT PRIMARY KEY) WITHOUT ROWID",
]
SQLITE_DROP = [
    "DROP TABLE core_searchentry_terms",
    "DROP TRIGGER core_searchentry_delete_fts",
    "DROP TABLE core_searchentry_fts",
]
POSTGRESQL_CREATE = [
    "ALTER TABLE core_searchentry ADD COLUMN document tsvector NOT NULL DEFAULT ''",
    "CREATE INDEX core_searchentry_document ON core_searchentry USING gin (document)",
    # A longer list of frequent lexemes, so that the planner knows rarer terms are rare.
    "ALTER TABLE core_searchentry ALTER COLUMN document SET STATISTICS 1000",
    # The newest entries of one kind, for the first step of every query.
    "CREATE INDEX core_searchentry_kind_id ON core_searchentry (kind, id)",
    "CREATE TABLE core_searchentry_terms (term text PRIMARY KEY)",
]
POSTGRESQL_DROP = [
    "DROP TABLE core_searchentry_terms",
    "DROP INDEX core_searchentry_kind_id",
    "DROP INDEX core_searchentry_document",
    "ALTER TABLE core_searchentry DROP COLUMN document",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in statements_by_vendor:
            raise NotImplementedError(f"The search index has no storage for {vendor}.")
        for statement in statements_by_vendor[vendor]:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                (
                    "organisation_id",
                    models.BigIntegerField(help_text="None: every organisation", null=True),
                ),
                ("kind", models.CharField(max_length=32)),
                ("object_id", models.BigIntegerField()),
                (
                    "language",
                    models.CharField(blank=True, help_text="Blank: unknown", max_length=2),
                ),
                ("sort_key", models.BigIntegerField()),
                ("updated_at", models.DateTimeField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "object_id"), name="core_searchentry_kind_object_unique"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("sort_key__gte", 0),
                            ("sort_key__lte", 1099511627775),
                            (
                                "id__gte",
                                django.db.models.expressions.CombinedExpression(
                                    models.F("sort_key"), "*", models.Value(8388608)
                                ),
                            ),
                            (
                                "id__lt",
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.expressions.CombinedExpression(
                                        models.F("sort_key"), "+", models.Value(1)
                                    ),
                                    "*",
                                    models.Value(8388608),
                                ),
                            ),
                        ),
                        name="core_searchentry_id_follows_sort_key",
                    ),
                ],
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
        ),
    ]
