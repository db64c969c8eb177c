"""The lemma table earns its place: each entry is needed, none overlaps, recall is measured."""

import itertools

import pytest
import Stemmer

from civicdesk.core.search import analysis, lemmas
from civicdesk.core.search.tests import inflections

ALGORITHMS = {"pl": "polish", "sv": "swedish", "fi": "finnish", "en": "english"}


def snowball_terms(word, language):
    stem = Stemmer.Stemmer(ALGORITHMS[language]).stemWord(word.casefold())
    return {analysis.fold(word), analysis.fold(stem)}


@pytest.mark.parametrize("language", sorted(lemmas.LEMMAS))
def test_every_entry_joins_forms_that_snowball_leaves_apart(language):
    for lemma, forms in lemmas.LEMMAS[language].items():
        apart = [
            (one, other)
            for one, other in itertools.combinations((lemma, *forms), 2)
            if not snowball_terms(one, language) & snowball_terms(other, language)
        ]
        assert apart, f"{lemma}: Snowball already joins all its forms; drop the entry"


@pytest.mark.parametrize("language", sorted(lemmas.LEMMAS))
def test_no_form_belongs_to_two_lemmas(language):
    owners = {}
    for lemma, forms in lemmas.LEMMAS[language].items():
        for form in {analysis.fold(form) for form in (lemma, *forms)}:
            assert owners.setdefault(form, lemma) == lemma, form


def matcher(language):
    def matches(query, document):
        document_terms = set(analysis.word_terms(document, (language,)))
        return bool(set(analysis.word_terms(query)) & document_terms)

    return matches


# Pair recall on inflections.GROUPS: Snowball alone, and with the table (lemmas.py docstring).
@pytest.mark.parametrize(
    ("language", "snowball_alone"), [("pl", 0.805), ("sv", 0.806), ("fi", 0.590), ("en", 0.846)]
)
def test_recall_of_inflected_forms(language, snowball_alone, monkeypatch):
    assert inflections.recall(language, matcher(language)) == 1.0
    monkeypatch.setattr(analysis, "_LEMMA_OF", {})
    analysis.word_terms.cache_clear()
    try:
        assert inflections.recall(language, matcher(language)) == pytest.approx(
            snowball_alone, abs=0.001
        )
    finally:
        analysis.word_terms.cache_clear()
