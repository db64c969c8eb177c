"""Full-text search for every app, on SQLite FTS5 or PostgreSQL text search.

    index_documents([SearchDocument(kind="case", object_id=case.pk, organisation_id=...,
                                    language=None, fields={"title": ..., "body": ...},
                                    filters=frozenset({"status:open", "vis:all"}),
                                    sort_key=int(case.registered_at.timestamp()))])
    page = search(kinds=["case"], text="wniosek zasił", organisation_id=actor.organisation_id,
                  all_of=[["vis:all", "vis:group:3"]], order="newest")
    snippet = highlight(case.description, "wniosek zasił")

Text is analysed in Python (analysis.py) and both engines index the same terms, so results
do not depend on the database. Organisation, kinds and filters are terms inside the engine's
query, never a filter applied afterwards. See docs/decisions/0006-search.md.
"""

from civicdesk.core.search.documents import SearchDocument, SearchHit, SearchPage
from civicdesk.core.search.highlight import highlight
from civicdesk.core.search.indexing import index_documents, remove_documents
from civicdesk.core.search.querying import search

__all__ = [
    "SearchDocument",
    "SearchHit",
    "SearchPage",
    "highlight",
    "index_documents",
    "remove_documents",
    "search",
]
