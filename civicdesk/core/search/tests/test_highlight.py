"""Snippets mark what search matched and never let the source's HTML through."""

from django.utils.safestring import SafeString

from civicdesk.core.search import highlight


def test_html_in_the_text_is_escaped():
    snippet = highlight('<script>alert("x")</script> wniosek & "zasiłek"', "wniosek")
    assert snippet == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>wniosek</mark> "
        "&amp; &quot;zasiłek&quot;"
    )
    assert isinstance(snippet, SafeString)


def test_html_in_the_query_is_harmless():
    assert highlight("a <b> c", "<b>") == "a &lt;<mark>b</mark>&gt; c"


def test_inflected_and_folded_forms_are_marked():
    snippet = highlight("Proszę o pracę w Łodzi, wnioski złożone.", "praca lodz wniosek")
    assert (
        snippet == "Proszę o <mark>pracę</mark> w <mark>Łodzi</mark>, <mark>wnioski</mark> złożone."
    )


def test_a_reference_is_marked_whole_or_by_part():
    assert highlight("Ärende SKE-2026-000123.", "SKE-2026-000123") == (
        "Ärende <mark>SKE-2026-000123</mark>."
    )
    assert highlight("Ärende SKE-2026-000123.", "000123") == "Ärende SKE-2026-<mark>000123</mark>."


def test_the_prefix_marks_words_being_typed():
    assert (
        highlight("bygglov och byggnad", "bygg") == "<mark>bygglov</mark> och <mark>byggnad</mark>"
    )
    assert highlight("bygglov och byggnad", "bygg", prefix="none") == "bygglov och byggnad"


def test_a_long_text_is_cut_around_the_first_match():
    text = "början " * 50 + "ansökan om bygglov\n\n\ttill   nämnden " + "slut " * 50
    snippet = highlight(text, "bygglov", length=60)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "ansökan om <mark>bygglov</mark> till nämnden" in snippet
    assert len(snippet) < 90


def test_without_a_match_the_snippet_is_the_start():
    assert highlight("första ord " * 40, "saknas", length=20) == "första ord första…"
