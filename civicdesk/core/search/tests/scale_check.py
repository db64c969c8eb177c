"""Scale check of the search module: index synthetic cases and articles, time typical queries.

    DATABASE_URL=sqlite:////tmp/search-scale.sqlite3 \\
        python -m civicdesk.core.search.tests.scale_check --cases 1000000 --articles 50000
    DATABASE_URL=postgres://... python -m civicdesk.core.search.tests.scale_check ...

Not collected by pytest (no test_ prefix). The corpus: three organisations (Swedish, Polish,
Finnish; a tenth of each one's cases in English or a neighbour language), a generated
vocabulary of 3,200 lemmas with their inflected forms drawn by Zipf's law, numbers and names
as a long tail, a reference per case, a tenth of the cases confidential and visible to one
group, indexed as case search indexes them (language unknown: stems of all four
languages). Then knowledge-base articles in the organisations' languages, a third of them
global. Case queries run as an agent of one organisation who is in two groups, with the
visibility filter, ordered newest and by relevance; article queries by relevance with the
global articles included. Prints a JSON report: index rate (the corpus generator's own time
excluded), size, and p50/p95/max per query type.

PostgreSQL needs shared_buffers large enough for the index (here 4 GB for 2.5 GB) and
jit=off: with the default 128 MB every heap read of the GIN step goes through the kernel's
cache and costs 12-15 times more (measured), and JIT compiles for longer than these
queries run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civicdesk.settings.test")

ORGANISATIONS = {1: ("SKE", "sv"), 2: ("ZL", "pl"), 3: ("HEL", "fi")}
NEIGHBOURS = {"sv": ("fi", "en"), "pl": ("en", "sv"), "fi": ("sv", "en")}
LEMMAS_PER_LANGUAGE = 800
START = 1_640_995_200  # 2022-01-01, cases over five years
SPAN = 5 * 365 * 86_400
STATUSES = ("new", "open", "waiting", "forwarded", "resolved", "closed")
CHANNELS = ("phone", "email", "web_form", "chat", "visit")
SYLLABLES = {
    "pl": ("prz", "sz", "cz", "w", "k", "m", "d", "ł", "ż", "ś", "r", "n", "p", "st", "gr"),
    "sv": ("sk", "st", "br", "k", "l", "m", "n", "t", "fr", "gr", "v", "s", "h", "tj"),
    "fi": ("k", "t", "p", "s", "h", "l", "m", "n", "r", "v", "j", "kk", "tt", "ll"),
    "en": ("th", "st", "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t"),
}
VOWELS = {
    "pl": ("a", "e", "i", "o", "u", "y", "ą", "ę", "ó"),
    "sv": ("a", "e", "i", "o", "u", "å", "ä", "ö", "y"),
    "fi": ("a", "e", "i", "o", "u", "y", "ä", "ö", "aa", "ii"),
    "en": ("a", "e", "i", "o", "u", "ea", "oo"),
}
ENDINGS = {
    "pl": ("", "a", "y", "ę", "ą", "ie", "ów", "ami", "ach", "u", "em"),
    "sv": ("", "en", "et", "er", "erna", "ens", "ar", "arna", "s"),
    "fi": ("", "n", "a", "ä", "ssa", "sta", "lla", "t", "ja", "lle", "ksi"),
    "en": ("", "s", "ed", "ing", "er"),
}
SURNAMES = [
    stem + ending
    for stem in ("Nowak", "Lind", "Virta", "Smith", "Kowal", "Berg", "Koski")
    for ending in ("", "ski", "ström", "nen", "son", "ska", "berg", "lund")
]


def build_vocabulary(rng: random.Random) -> dict[str, list[list[str]]]:
    """Per language: lemmas in Zipf rank order, each a list of its inflected forms."""
    from civicdesk.core.search.tests.inflections import GROUPS

    vocabulary: dict[str, list[list[str]]] = {}
    for language in SYLLABLES:
        lemmas = [list(group) for group in GROUPS[language]]  # real domain words rank first
        seen = {group[0] for group in lemmas}
        while len(lemmas) < LEMMAS_PER_LANGUAGE:
            stem = "".join(
                rng.choice(SYLLABLES[language]) + rng.choice(VOWELS[language])
                for _ in range(rng.choice((1, 2, 2, 3)))
            )
            if stem not in seen:
                seen.add(stem)
                endings = rng.sample(ENDINGS[language], k=5)
                lemmas.append([stem + ending for ending in endings])
        vocabulary[language] = lemmas
    return vocabulary


class Corpus:
    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.vocabulary = build_vocabulary(self.rng)
        self.weights = [1 / rank**1.07 for rank in range(1, LEMMAS_PER_LANGUAGE + 1)]  # Zipf
        self.references: list[tuple[int, str]] = []

    def words(self, language: str, count: int) -> list[str]:
        lemmas = self.rng.choices(self.vocabulary[language], weights=self.weights, k=count)
        return [self.rng.choice(lemma) for lemma in lemmas]

    def cases(self, count: int) -> Iterator:
        from civicdesk.core.search import SearchDocument

        numbers = dict.fromkeys(ORGANISATIONS, 0)
        for object_id in range(1, count + 1):
            organisation = self.rng.choice(list(ORGANISATIONS))
            prefix, home = ORGANISATIONS[organisation]
            language = home if self.rng.random() < 0.9 else self.rng.choice(NEIGHBOURS[home])
            # Registered in time order, as a backfill by primary key would see them.
            sort_key = START + object_id * SPAN // count + self.rng.randrange(600)
            numbers[organisation] += 1
            year = 2022 + (sort_key - START) // (365 * 86_400)
            reference = f"{prefix}-{year}-{numbers[organisation]:06d}"
            if object_id % 97 == 0:
                self.references.append((organisation, reference))
            body = self.words(language, self.rng.randint(15, 60))
            body += [str(self.rng.randrange(10**6)), self.rng.choice(SURNAMES)]
            group = self.rng.randint(1, 30)
            filters = {
                f"status:{self.rng.choice(STATUSES)}",
                f"type:{self.rng.randint(1, 40)}",
                f"channel:{self.rng.choice(CHANNELS)}",
                f"group:{group}",
                f"customer:{self.rng.randrange(200_000)}",
            }
            if self.rng.random() < 0.1:
                filters |= {"vis:confidential", f"vis:group:{group}"}
            else:
                filters.add("vis:all")
            title = self.words(language, self.rng.randint(3, 7))
            yield SearchDocument(
                kind="case",
                object_id=object_id,
                organisation_id=organisation,
                language=None,
                fields={"title": " ".join([reference, *title]), "body": " ".join(body)},
                filters=frozenset(filters),
                sort_key=sort_key,
            )

    def articles(self, count: int) -> Iterator:
        from civicdesk.core.search import SearchDocument

        for object_id in range(1, count + 1):
            organisation = self.rng.choice([None, *ORGANISATIONS])
            language = (
                self.rng.choice(list(SYLLABLES))
                if organisation is None
                else ORGANISATIONS[organisation][1]
            )
            yield SearchDocument(
                kind="article",
                object_id=object_id,
                organisation_id=organisation,
                language=language,
                fields={
                    "title": " ".join(self.words(language, self.rng.randint(3, 8))),
                    "body": " ".join(self.words(language, self.rng.randint(100, 300))),
                    "extra": " ".join(self.words(language, self.rng.randint(3, 6))),
                },
                filters=frozenset(
                    {
                        self.rng.choice(["visibility:public", "visibility:agents"]),
                        f"type:{self.rng.randint(1, 4)}",
                    }
                ),
                sort_key=START + self.rng.randrange(SPAN),
            )


class Stopwatch:
    """An iterator that adds up the time spent producing its items (generating the corpus),
    so the index rate counts the search module alone."""

    def __init__(self, items: Iterator) -> None:
        self.items, self.elapsed = items, 0.0

    def __iter__(self) -> Stopwatch:
        return self

    def __next__(self):
        started = time.perf_counter()
        try:
            return next(self.items)
        finally:
            self.elapsed += time.perf_counter() - started


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
    }


def case_queries(corpus: Corpus, rng: random.Random, count: int) -> dict[str, list]:
    """Per query type, (organisation, text) pairs in the organisation's language."""
    typed: dict[str, list[tuple[int, str]]] = {
        name: [] for name in ("one word", "two words", "prefix", "reference", "reference number")
    }
    for _ in range(count):
        organisation = rng.choice(list(ORGANISATIONS))
        language = ORGANISATIONS[organisation][1]
        typed["one word"].append((organisation, corpus.words(language, 1)[0]))
        typed["two words"].append((organisation, " ".join(corpus.words(language, 2))))
        word = corpus.words(language, 1)[0]
        typed["prefix"].append((organisation, word[: rng.randint(3, max(3, len(word) - 1))]))
        reference_organisation, reference = rng.choice(corpus.references)
        typed["reference"].append((reference_organisation, reference))
        typed["reference number"].append((reference_organisation, reference.rsplit("-", 1)[1]))
    return typed


def article_queries(corpus: Corpus, rng: random.Random, count: int) -> dict[str, list]:
    typed: dict[str, list[tuple[int, str]]] = {"article words": [], "article prefix": []}
    for _ in range(count):
        organisation = rng.choice(list(ORGANISATIONS))
        language = ORGANISATIONS[organisation][1]
        words = corpus.words(language, rng.randint(1, 3))
        typed["article words"].append((organisation, " ".join(words)))
        typed["article prefix"].append((organisation, " ".join(words)[:-2]))
    return typed


def timed(pairs: list, run: Callable[[int, str], object]) -> dict[str, float]:
    samples, found = [], 0
    for organisation, text in pairs:
        started = time.perf_counter()
        page = run(organisation, text)
        samples.append(time.perf_counter() - started)
        found += bool(page.hits)
    return {**percentiles(samples), "found": round(found / len(pairs), 2)}


def measure(corpus: Corpus, count: int, articles: bool) -> dict[str, dict[str, object]]:
    from civicdesk.core import search

    rng = random.Random(7)

    def visibility() -> list[str]:
        return ["vis:all", f"vis:group:{rng.randint(1, 30)}", f"vis:group:{rng.randint(1, 30)}"]

    results: dict[str, dict[str, object]] = {}
    for query_type, pairs in case_queries(corpus, rng, count).items():
        for order in ("newest", "relevance"):
            results.setdefault(query_type, {})[order] = timed(
                pairs,
                lambda organisation, text, order=order: search.search(
                    kinds=["case"],
                    text=text,
                    organisation_id=organisation,
                    all_of=[visibility()],
                    order=order,
                    limit=25,
                ),
            )
    if articles:
        for query_type, pairs in article_queries(corpus, rng, count).items():
            results[query_type] = {
                "relevance": timed(
                    pairs,
                    lambda organisation, text: search.search(
                        kinds=["article"],
                        text=text,
                        organisation_id=organisation,
                        include_global=True,
                        all_of=[["visibility:public", "visibility:agents"]],
                        limit=10,
                    ),
                )
            }
    return results


def database_size() -> dict[str, float]:
    from django.db import connection

    megabytes: dict[str, float] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.execute(
                "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'core_searchentry%'"
                " OR name = 'sqlite_autoindex_core_searchentry_1' GROUP BY name"
            )
            megabytes = {name: size / 2**20 for name, size in cursor.fetchall()}
            path = Path(connection.settings_dict["NAME"])
            megabytes["database file"] = path.stat().st_size / 2**20
        else:
            for relation in ("core_searchentry", "core_searchentry_terms"):
                cursor.execute("SELECT pg_total_relation_size(%s)", [relation])
                megabytes[relation + " with indexes"] = cursor.fetchone()[0] / 2**20
            cursor.execute("SELECT pg_relation_size('core_searchentry_document')")
            megabytes["of which GIN"] = cursor.fetchone()[0] / 2**20
    return {name: round(size, 1) for name, size in megabytes.items()}


def maintain() -> None:
    """What an operator's job would do after a bulk load."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "INSERT INTO core_searchentry_fts (core_searchentry_fts) VALUES ('optimize')"
            )
            cursor.execute("ANALYZE")
        else:
            cursor.execute("VACUUM ANALYZE core_searchentry")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=200, help="per query type")
    parser.add_argument("--skip-index", action="store_true", help="query an indexed database")
    args = parser.parse_args()
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from civicdesk.core import search

    corpus = Corpus()
    report: dict[str, object] = {"engine": connection.vendor, **vars(args)}
    if args.skip_index:
        for _document in corpus.cases(args.cases):  # the same references
            pass
    else:
        call_command("migrate", verbosity=0)
        for name, documents, count in (
            ("cases", corpus.cases(args.cases), args.cases),
            ("articles", corpus.articles(args.articles), args.articles),
        ):
            generating = Stopwatch(documents)
            started = time.perf_counter()
            search.index_documents(generating)
            elapsed = time.perf_counter() - started - generating.elapsed
            report[f"index {name} per s"] = round(count / elapsed) if count else None
        started = time.perf_counter()
        maintain()
        report["maintenance s"] = round(time.perf_counter() - started, 1)
    report["size MB"] = database_size()
    report["queries"] = measure(corpus, args.queries, articles=args.articles > 0)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
