"""PostgreSQL: a second GIN index over every entry that is not a case.

Cases are nearly all of the index (a million against 50,000 articles and cards), so in the
one GIN index the postings of a common word or of an organisation's scope term are mostly
cases, and a knowledge-base search gathered them all: 42-62 ms for `'grannhuset' & 'för'`,
3.4-16 ms with this index (measured at 1,000,000 cases; 2 s to build). Searches without
cases name their kinds in SQL so that the planner may use it (backends/postgresql.py);
searches that include cases are unchanged. SQLite's FTS5 table has no partial form.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX core_searchentry_document_not_case ON core_searchentry"
    " USING gin (document) WHERE kind <> 'case'"
)
DROP = "DROP INDEX core_searchentry_document_not_case"


def _postgresql(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0001_search_entry")]

    operations = [migrations.RunPython(_postgresql(CREATE), _postgresql(DROP))]
