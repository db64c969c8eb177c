"""Phrase templates for generated cases, one module per language (sv, pl, fi, en).

Each module holds lists of phrases, the most common first: `generate_data` draws from them
with Zipf weights (the first entry about twice as often as the second), so a few words are
everywhere and many are rare, as in real case text. Templates name their slots in braces:

    {thing} {Thing}   a matter of the case's theme ("bygglov för carport"), capitalised or not
    {issue}           what went wrong or is unclear ("fel belopp på fakturan")
    {doc}             a document ("läkarintyg")
    {who} {Who}       how the agent refers to the customer ("kunden", "sökanden")
    {place}           a district or village; {street} a street with a house number
    {date} {weekday} {month} {amount} {number} {hour}

THINGS, DETAILS and WHO are keyed by theme (THEME_OF_CASE_TYPE below; WHO falls back to its
"general" entry); a language without a theme uses the case type's own name in that language
as {thing} and GENERAL_DETAILS, so every language can write about every case type, the
native ones with the richest vocabulary. OPENINGS (of descriptions) and SUMMARIES (of the
first contact) are keyed by how the customer got in touch: call, written or visit. One
case's texts share their slot values, so its subject, notes and resolution agree.
"""

from civicdesk.demo.data.phrases import en, fi, pl, sv

PHRASES = {"sv": sv, "pl": pl, "fi": fi, "en": en}

# The demo case types by theme; a case type not listed here is written about as GENERAL.
THEME_OF_CASE_TYPE = {
    # Skellefteå
    "bygglov-fragor": "building",
    "bygglov-status": "building",
    "strandskyddsdispens": "building",
    "buller-storningar": "building",
    "forskoleplats": "school",
    "skolskjuts": "school",
    "barnomsorgsavgift": "school",
    "felanmalan-gata": "streets",
    "sophamtning": "streets",
    "vatten-avlopp-anslutning": "streets",
    "ekonomiskt-bistand": "social",
    "orosanmalan": "social",
    "fardtjanst": "social",
    "lokalbokning": "leisure",
    "foreningsbidrag": "leisure",
    # Zielona Linia
    "oferty-pracy": "jobs",
    "rejestracja-bezrobotnego": "jobs",
    "zasilek-dla-bezrobotnych": "benefits",
    "szkolenia-ue": "training",
    "zgloszenie-oferty-pracy": "employers",
    "selekcja-rekrutacja": "employers",
    "krajowy-fundusz-szkoleniowy": "training",
    "portale-pomoc-techniczna": "eservices",
    "dotacja-dzialalnosc": "employers",
    "refundacja-stanowiska-pracy": "employers",
    "kwalifikacja-na-szkolenie": "training",
    "stan-sprawy-w-urzedzie": "office",
    "zmiana-terminu-wizyty": "office",
    "eures-praca-za-granica": "jobs",
    # ASPA Kauhajoki
    "verokortti": "tax",
    "veroilmoituksen-korjaus": "tax",
    "asumistuki-hakemus": "benefits",
    "liitteiden-toimitus-kelaan": "benefits",
    "perustoimeentulotuki": "social",
    "tyonhakijaksi-ilmoittautuminen": "jobs",
    "starttiraha": "employers",
    "passihakemus": "permits",
    "henkilokorttihakemus": "permits",
    "aselupa": "permits",
    "lainhuuto": "property",
    "kiinteistorekisteriote": "property",
    "vuokra-asuntohakemus": "property",
}
GENERAL = "general"
