"""The analyser alone: folding, words, stems, compounds, query trees and filter terms."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civicdesk.core.search import analysis


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Łódź", "lodz"),
        ("Malmö", "malmo"),
        ("Skellefteå", "skelleftea"),
        ("Jyväskylä", "jyvaskyla"),
        ("Müller", "muller"),
        ("Żółć gęślą jaźń", "zolc gesla jazn"),
        ("Straße", "strasse"),
        ("Ærø", "aero"),
        ("Øresund", "oresund"),
        ("Đakovo", "dakovo"),
        ("Þórshöfn", "thorshofn"),
        ("Cafe\u0301", "cafe"),  # é typed as e + combining acute
    ],
)
def test_fold_strips_diacritics_and_spells_out_letters(text, folded):
    assert analysis.fold(text) == folded


def flat(text, language=None):
    return {term for terms in analysis.analyse(text, language) for term in terms}


def matches(query_word, document_word, language):
    return bool(set(analysis.word_terms(query_word)) & flat(document_word, language))


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("pl", ("praca", "pracy", "pracę", "pracą")),
        ("sv", ("bygglov", "bygglovet", "bygglovets")),
        ("fi", ("työttömyysturva", "työttömyysturvaa", "työttömyysturvan")),
        ("en", ("application", "applications")),
        ("pl", ("wniosek", "wnioski", "wniosków")),
        ("fi", ("hakemus", "hakemuksen", "hakemusta")),
    ],
)
@pytest.mark.parametrize("known_language", [True, False])
def test_every_form_matches_every_other(language, forms, known_language):
    document_language = language if known_language else None
    for query in forms:
        for document in forms:
            assert matches(query, document, document_language), (query, document)


def test_a_query_without_diacritics_finds_the_inflected_form():
    assert matches("prace", "pracę", "pl")
    assert matches("tyottomyysturvan", "työttömyysturvaa", "fi")
    assert matches("wnioskow", "wnioski", "pl")  # through the lemma table


def test_a_reference_is_indexed_whole_and_by_its_parts():
    assert {"ske", "2026", "000123", "ske2026000123"} <= flat("Ärende SKE-2026-000123.")


def test_short_words_are_kept():
    assert {"ei", "nie", "o", "i"} <= flat("ei nie o i")


@pytest.mark.parametrize(
    ("text", "prefix", "prefixed"),
    [
        ("zasiłek wnio", "last", {"wnio"}),
        ("zasiłek wnio ", "last", set()),  # a trailing space ends the word
        ("zasiłek wnio", "none", set()),
        ("zasiłek wnio", "all", {"zasilek", "wnio"}),
        ("wn", "last", set()),  # two letters are too short to expand
        ("SKE-2026-0001", "last", {"0001"}),  # the parts, not every joined reference
    ],
)
def test_prefix_modes(text, prefix, prefixed):
    words = analysis.query_words(text, prefix=prefix)
    terms = [term for word in words for term in analysis.terms_of(word)]
    assert {term.text for term in terms if term.prefix} == prefixed


def test_a_query_without_words_has_no_words():
    assert analysis.query_words(" ?! ") == ()


def test_filter_terms_are_single_index_terms_that_no_word_produces():
    assert analysis.filter_term("status:open") == "status_3aopen"
    assert analysis.filter_term("Typ:Ö") == "_54yp_3a_c3_96"


@given(st.text())
def test_no_word_term_contains_an_underscore(text):
    assert not any("_" in term for term in flat(text))


@given(st.text(min_size=1))
def test_filter_terms_never_equal_scope_terms(token):
    term = analysis.filter_term(token)
    assert not term.startswith(("_o", "_k"))
    assert set(term) <= set("abcdefghijklmnopqrstuvwxyz0123456789_")
