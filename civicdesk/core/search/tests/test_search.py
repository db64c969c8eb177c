"""The search module through its public interface, on whichever engine the suite runs."""

import pytest

from civicdesk.core import search
from civicdesk.core.search import SearchDocument, backends, indexing
from civicdesk.core.search.backends import postgresql
from civicdesk.core.search.keys import first_id
from civicdesk.core.search.models import SearchEntry
from civicdesk.core.search.tests.inflections import GROUPS

pytestmark = pytest.mark.django_db


# Organisations are plain ids to the index (core knows no organisation model).
@pytest.fixture
def organisation():
    return 101


@pytest.fixture
def other_organisation():
    return 202


def document(
    object_id,
    organisation,
    *,
    title="",
    body="",
    kind="case",
    language=None,
    filters=(),
    sort_key=0,
):
    return SearchDocument(
        kind=kind,
        object_id=object_id,
        organisation_id=organisation,
        language=language,
        fields={"title": title, "body": body},
        filters=frozenset(filters),
        sort_key=sort_key,
    )


def found(text, organisation, **options):
    options.setdefault("kinds", ["case"])
    page = search.search(text=text, organisation_id=organisation, **options)
    return [hit.object_id for hit in page.hits]


@pytest.mark.parametrize("language", ["pl", "sv", "fi", "en"])
def test_any_form_finds_every_other_form(organisation, language):
    groups = [
        g
        for g in GROUPS[language]
        if g[0]
        in {
            "praca",
            "wniosek",
            "bygglov",
            "ansökan",
            "työttömyysturva",
            "hakemus",
            "application",
            "child",
        }
    ]
    for group in groups:
        search.index_documents(
            document(index, organisation, body=form, language=language)
            for index, form in enumerate(group)
        )
        for form in group:
            assert sorted(found(form, organisation, prefix="none")) == list(range(len(group)))


def test_folding_works_both_ways(organisation):
    search.index_documents(
        [
            document(1, organisation, body="Ring från Łódź om bygglov i Malmö"),
            document(2, organisation, body="lodz zywiec"),
        ]
    )
    assert found("MALMO", organisation) == [1]
    assert sorted(found("lodz", organisation)) == sorted(found("Łódź", organisation)) == [1, 2]
    assert found("Żywiec", organisation) == [2]


def test_the_last_word_matches_as_a_prefix_while_typed(organisation):
    search.index_documents([document(1, organisation, body="wniosek o zasiłek")])
    assert found("wnio", organisation) == [1]
    assert found("zasiłek wnio", organisation) == [1]
    assert found("wnio ", organisation) == []  # the word is finished
    assert found("wnio", organisation, prefix="none") == []
    assert found("wnio zas", organisation) == []
    assert found("wnio zas", organisation, prefix="all") == [1]


def test_a_reference_is_found_whole_by_part_and_by_prefix(organisation):
    search.index_documents(
        [
            document(1, organisation, title="SKE-2026-000123 Bygglov"),
            document(2, organisation, title="SKE-2026-000124 Bygglov"),
        ]
    )
    for text in ("SKE-2026-000123", "ske2026000123", "000123", "2026-000123"):
        assert found(text, organisation) == [1], text
    assert sorted(found("SKE-2026-0001", organisation)) == [1, 2]


def test_filters_are_an_and_of_ors(organisation):
    search.index_documents(
        [
            document(1, organisation, body="faktura", filters={"status:open", "group:3"}),
            document(2, organisation, body="faktura", filters={"status:closed", "group:3"}),
            document(3, organisation, body="faktura", filters={"status:open", "group:9"}),
            document(4, organisation, body="faktura", filters={"status:open", "group:5"}),
        ]
    )
    filters = [["group:3", "group:9"], ["status:open"]]
    assert sorted(found("faktura", organisation, all_of=filters)) == [1, 3]
    assert sorted(found("", organisation, all_of=filters)) == [1, 3]
    assert found("faktura", organisation, all_of=[["group:3"], []]) == []  # fails closed


def test_filter_tokens_and_words_never_match_each_other(organisation):
    search.index_documents(
        [
            document(1, organisation, filters={"status:open"}),
            document(2, organisation, body="status open"),
        ]
    )
    assert found("status open", organisation) == [2]
    assert found("", organisation, all_of=[["status:open"]]) == [1]


@pytest.mark.parametrize("text", ["", "wniosek", "wnio", "SKE-2026-000123"])
@pytest.mark.parametrize("order", ["newest", "relevance"])
def test_another_organisations_entries_are_never_found(
    organisation, other_organisation, text, order
):
    search.index_documents(
        [
            document(1, organisation, title="SKE-2026-000123", body="wniosek", filters={"vis:all"}),
        ]
    )
    for include_global in (False, True):
        options = {"order": order, "include_global": include_global}
        assert found(text, other_organisation, **options) == []
        assert found(text, None, **options) == []
        assert found(text, other_organisation, all_of=[["vis:all"]], **options) == []
    assert found(text, organisation, order=order) == [1]


def test_global_entries_are_found_only_when_asked_for(organisation, other_organisation):
    search.index_documents(
        [
            document(1, None, kind="article", body="bygglov"),
            document(2, organisation, kind="article", body="bygglov"),
        ]
    )
    kinds = {"kinds": ["article"]}
    assert found("bygglov", organisation, **kinds) == [2]
    assert sorted(found("bygglov", organisation, include_global=True, **kinds)) == [1, 2]
    assert found("bygglov", other_organisation, include_global=True, **kinds) == [1]
    assert found("bygglov", None, include_global=True, **kinds) == [1]
    assert found("bygglov", None, **kinds) == []


def test_kinds_are_kept_apart(organisation):
    search.index_documents(
        [
            document(1, organisation, kind="case", body="bygglov"),
            document(1, organisation, kind="article", body="bygglov"),
        ]
    )
    page = search.search(kinds=["case", "article"], text="bygglov", organisation_id=organisation)
    assert sorted((hit.kind, hit.object_id) for hit in page.hits) == [("article", 1), ("case", 1)]
    assert found("bygglov", organisation, kinds=["article"]) == [1]


def test_indexing_again_replaces_the_entry(organisation):
    search.index_documents([document(1, organisation, body="wniosek", sort_key=100)])
    search.index_documents([document(1, organisation, body="bygglov", sort_key=200)])
    assert found("wniosek", organisation) == []
    assert found("bygglov", organisation) == [1]
    entry = SearchEntry.objects.get()
    assert (entry.kind, entry.object_id, entry.sort_key) == ("case", 1, 200)


def test_the_last_version_in_one_call_wins(organisation):
    search.index_documents(
        [
            document(1, organisation, body="wniosek"),
            document(1, organisation, body="bygglov"),
        ]
    )
    assert found("wniosek", organisation) == []
    assert found("bygglov", organisation) == [1]


def test_removed_documents_are_gone(organisation):
    search.index_documents(document(n, organisation, body="faktura") for n in (1, 2, 3))
    search.remove_documents("case", [1, 3, 99])
    assert found("faktura", organisation) == [2]
    assert found("", organisation) == [2]
    assert SearchEntry.objects.count() == 1


def test_newest_first_with_pages(organisation):
    sort_keys = [50, 10, 40, 30, 20, 60, 0]
    search.index_documents(
        document(n, organisation, body="faktura", sort_key=key) for n, key in enumerate(sort_keys)
    )
    newest = sorted(range(len(sort_keys)), key=lambda n: -sort_keys[n])
    first = search.search(
        kinds=["case"], text="faktura", organisation_id=organisation, order="newest", limit=4
    )
    rest = search.search(
        kinds=["case"],
        text="faktura",
        organisation_id=organisation,
        order="newest",
        limit=4,
        offset=4,
    )
    assert [hit.object_id for hit in first.hits + rest.hits] == newest
    assert (first.has_more, rest.has_more) == (True, False)


def test_sort_key_range_is_inclusive(organisation):
    search.index_documents(
        document(n, organisation, body="faktura", sort_key=n * 10) for n in range(1, 6)
    )
    assert found("faktura", organisation, order="newest", sort_key_range=(20, 40)) == [4, 3, 2]
    assert found("", organisation, sort_key_range=(41, 49)) == []


def test_relevance_weighs_the_title_above_the_body(organisation):
    search.index_documents(
        [
            document(1, organisation, title="faktura", body="om betalning och annat", sort_key=2),
            document(2, organisation, title="betalning", body="om faktura och annat", sort_key=1),
            document(3, organisation, title="annat", body="annat ärende", sort_key=3),
        ]
    )
    assert found("faktura", organisation) == [1, 2]
    assert found("faktura", organisation, weights={"title": 0.1, "body": 1.0}) == [2, 1]


def test_freshness_favours_the_newer_of_equal_matches(organisation):
    search.index_documents(
        [
            document(1, organisation, body="faktura betalning", sort_key=1_000),
            document(2, organisation, body="faktura betalning", sort_key=100_000),
        ]
    )
    assert found("faktura", organisation, freshness=1_000) == [2, 1]


def test_match_any_finds_documents_with_some_of_the_words(organisation):
    search.index_documents(
        [
            document(1, organisation, body="jak złożyć wniosek o dowód osobisty"),
            document(2, organisation, body="wniosek o zasiłek"),
        ]
    )
    assert found("wniosek dowód osobisty", organisation) == [1]
    assert found("wniosek dowód osobisty", organisation, match="any") == [1, 2]


def test_many_entries_with_one_sort_key_get_distinct_ids(organisation, monkeypatch):
    # Squeeze ties into 8 values so that ids collide within a batch and across calls.
    monkeypatch.setattr(
        indexing,
        "_entry_id",
        lambda doc, probe: first_id(doc.sort_key) + (doc.object_id + probe) % 8,
    )
    search.index_documents(document(n, organisation, body="intyg") for n in range(5))
    search.index_documents(
        document(n, organisation, kind="article", body="intyg") for n in range(3)
    )
    assert sorted(found("intyg", organisation)) == list(range(5))
    assert sorted(found("intyg", organisation, kinds=["article"])) == list(range(3))
    assert SearchEntry.objects.count() == 8


@pytest.mark.parametrize(
    "changes",
    [
        {"kind": "Case"},
        {"language": "de"},
        {"fields": {"subject": "x"}},
        {"sort_key": -1},
        {"sort_key": 2**40},
        {"object_id": -1},
        {"filters": frozenset({""})},
    ],
)
def test_invalid_documents_are_refused(changes):
    valid = {
        "kind": "case",
        "object_id": 1,
        "organisation_id": 1,
        "language": None,
        "fields": {"title": "x"},
    }
    with pytest.raises(ValueError):
        SearchDocument(**{**valid, **changes})


@pytest.mark.parametrize(
    "changes",
    [
        {"kinds": []},
        {"kinds": "case"},
        {"all_of": ["status:open"]},
        {"freshness": 0},
        {"limit": 0},
        {"limit": 201},
        {"offset": -1},
        {"weights": {"title": -1.0}},
        {"weights": {"subject": 1.0}},
    ],
)
def test_invalid_searches_are_refused(changes):
    with pytest.raises((ValueError, TypeError)):
        search.search(**{"kinds": ["case"], "text": "x", "organisation_id": 1, **changes})


@pytest.fixture(
    params=[
        (backends.MAX_EXPANSION, postgresql.PROBE, postgresql.RECENT_MAX),
        (1, 2, 3),  # so small that every fallback of both engines runs on a few entries
    ],
    ids=["default limits", "squeezed limits"],
)
def scan_limits(request, monkeypatch):
    expansion, probe, recent_max = request.param
    monkeypatch.setattr(backends, "MAX_EXPANSION", expansion)
    monkeypatch.setattr(postgresql, "PROBE", probe)
    monkeypatch.setattr(postgresql, "RECENT_MAX", recent_max)


def test_newest_results_do_not_depend_on_scan_limits(organisation, scan_limits):
    # Relevance may: it ranks a window of recent matches, which the limits shape.
    search.index_documents(
        document(
            n,
            organisation,
            kind="case" if n % 2 else "note",
            body=" ".join(["faktura"] * (n % 3 == 0) + ["betalning"] * (n % 5 == 0) + [f"bygg{n}"]),
            sort_key=1000 + (n * 7) % 40,  # not in object id order
        )
        for n in range(40)
    )
    kinds = ["case", "note"]
    by_age = sorted(range(40), key=lambda n: -((n * 7) % 40))
    newest = [n for n in by_age if n % 3 == 0]
    assert found("faktura", organisation, kinds=kinds, order="newest", limit=5) == newest[:5]
    assert found("faktura", organisation, kinds=kinds, order="newest", offset=5) == newest[5:]
    assert found("bygg", organisation, kinds=kinds, order="newest") == by_age[:20]
    assert found("bygg1", organisation, kinds=kinds, order="newest") == [
        n for n in by_age if n == 1 or 10 <= n < 20
    ]
    assert found("faktura betalning", organisation, kinds=kinds, order="newest") == [
        n for n in by_age if n % 15 == 0
    ]
    # Without cases PostgreSQL asks the index that leaves cases out, at once.
    assert found("faktura", organisation, kinds=["note"], order="newest") == [
        n for n in newest if n % 2 == 0
    ]
