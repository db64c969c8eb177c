"""Turning what an agent writes, or what a citizen asks, into the words worth searching for.

The search module has no stop words, rightly for case search ("ei", "nie" carry meaning in a
note). A question or an incoming message is different: "Hur ansöker jag om bygglov?" matches
every article with "jag" and "om" when any word may match, and the engine scores only the
first words of a long text. `keywords` drops the function words and question words of the
four languages and keeps the rest in order, each once.
"""

from __future__ import annotations

from typing import Final

from civicdesk.core.search.analysis import fold, normalise, words

MAX_KEYWORDS: Final = 8  # the engine scores at most the first eight words of a query

_STOP: Final = {
    "pl": """
        a aby ale bo by być był była było co czy dla do gdy gdzie i ile im ich in iż jak
        jaka jaki jakie jakiej jakich jakim jest jestem jeśli jeżeli już ja je jej jego ją
        kiedy kto która które którego który mam ma mi mnie moja moje mój mogę może można
        mu my na nad nam nas nie niej nim o od oraz po pod przez przy się są ta tak tam
        te tego tej ten to tu tym u w we wy z za ze że proszę dzień dobry chciałbym
        chciałabym chcę chce czym muszę trzeba mój moją moim mojej swoje swój swoją
        powinienem powinnam jaką które której zrobić""",
    "sv": """
        och att det som en ett i på är av för med till den de om jag du han hon vi ni
        man har hur vad var när vilken vilket vilka kan ska skall måste min mitt mina
        sin sitt sina mig dig oss er inte eller men så från efter hos vid hej tack
        undrar vill få får gör göra ni behöver där här detta dessa nu bara också""",
    "fi": """
        ja on ei se että kuin mutta tai jos kun niin myös vain mitä mikä mitkä miten
        kuinka missä mistä mihin milloin kuka ketkä minä sinä hän me te he minun sinun
        hänen meidän teidän heidän minulla minulle minua olen olet olemme ovat oli ole
        voin voi voiko saa saako pitää pitääkö täytyy täytyykö haluan hei kiitos tämä
        tuo nämä ne sen siitä siihen siinä niin kanssa ennen jälkeen""",
    "en": """
        a an the and or but if of to in on at by for from with about as into is are
        was were be been am do does did have has had i me my mine you your we our they
        their he she his her it its this that these those what which who whom when where
        why how can could should would will shall may might must not no yes please hello
        hi thanks thank want need get got there here so""",
}
STOP_WORDS: Final = frozenset(fold(word) for text in _STOP.values() for word in text.split())


def keywords(text: str, *, limit: int = MAX_KEYWORDS) -> str:
    """The searchable words of a question or message, function words left out."""
    text = normalise(text)
    kept: list[str] = []
    seen: set[str] = set()
    for word in words(text):
        written = text[word.start : word.end]
        folded = fold(written)
        if folded in STOP_WORDS or folded in seen or (len(folded) < 2 and not folded.isdigit()):
            continue
        seen.add(folded)
        kept.append(written)
        if len(kept) == limit:
            break
    return " ".join(kept)


def is_question(text: str) -> bool:
    """Question-like text (a sentence rather than a few keywords) is searched with any word
    allowed to match."""
    return text.rstrip().endswith("?") or len(text.split()) > 3
