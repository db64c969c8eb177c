"""Any word of an indexed document, typed as it stands, finds the document on either engine."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civicdesk.core import search
from civicdesk.core.search import SearchDocument

# Letters and digits of every script, so that the analyser, FTS5's tokenizer and the tsvector
# literal have to agree on all of them, joined the ways people write.
WORDS = st.lists(
    st.text(st.characters(categories=("L", "N")), min_size=1, max_size=20), min_size=1, max_size=12
)
SEPARATORS = st.sampled_from([" ", ", ", ".\n", " – ", "\t", "-", "/", "'", "_", "!?"])


@pytest.mark.django_db
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=WORDS, data=st.data())
def test_every_word_of_a_document_finds_it(words, data):
    separators = data.draw(st.lists(SEPARATORS, min_size=len(words), max_size=len(words)))
    text = "".join(word + separator for word, separator in zip(words, separators, strict=True))
    field = data.draw(st.sampled_from(["title", "body", "extra"]))
    language = data.draw(st.sampled_from([None, "pl", "sv", "fi", "en"]))
    search.index_documents(
        [
            SearchDocument(
                kind="note", object_id=1, organisation_id=1, language=language, fields={field: text}
            )
        ]
    )
    word = data.draw(st.sampled_from(words))
    for prefix in ("none", "last"):
        for order in ("newest", "relevance"):
            page = search.search(
                kinds=["note"], text=word, organisation_id=1, prefix=prefix, order=order
            )
            assert [hit.object_id for hit in page.hits] == [1], (text, word, prefix)
