"""Inflected forms of words agents search for, per language: the recall set for the analyser.

Each group is one lemma and forms a citizen's text may use. `recall()` counts the ordered pairs
(query form, document form) of a group that match, which is what an agent experiences: typing
one form and finding a case that uses another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

GROUPS: dict[str, list[tuple[str, ...]]] = {
    "pl": [
        ("praca", "pracy", "pracę", "pracą", "prace"),
        ("wniosek", "wniosku", "wnioski", "wniosków", "wnioskiem", "wnioskach"),
        ("zasiłek", "zasiłku", "zasiłki", "zasiłków", "zasiłkiem"),
        ("podatek", "podatku", "podatki", "podatków", "podatkiem"),
        ("dodatek", "dodatku", "dodatki", "dodatków"),
        ("urząd", "urzędu", "urzędzie", "urzędy", "urzędów"),
        ("dowód", "dowodu", "dowody", "dowodem"),
        ("zaświadczenie", "zaświadczenia", "zaświadczeniem", "zaświadczeń"),
        ("opłata", "opłaty", "opłatę", "opłat", "opłatą"),
        ("skarga", "skargi", "skargę", "skarg", "skardze"),
        ("decyzja", "decyzji", "decyzję", "decyzje", "decyzją"),
        ("świadczenie", "świadczenia", "świadczeń", "świadczeniem"),
        ("emerytura", "emerytury", "emeryturę", "emeryturą", "emeryturze"),
        ("mieszkanie", "mieszkania", "mieszkaniu", "mieszkań"),
        ("dziecko", "dziecka", "dzieci", "dzieciom", "dzieckiem"),
        ("termin", "terminu", "terminy", "terminie"),
        ("umowa", "umowy", "umowę", "umów", "umowie"),
        ("pismo", "pisma", "pism", "piśmie"),
        ("samochód", "samochodu", "samochody", "samochodem"),
        ("paszport", "paszportu", "paszporty", "paszportem"),
        ("zwrot", "zwrotu", "zwroty", "zwrotem"),
        ("odwołanie", "odwołania", "odwołaniem", "odwołań"),
        ("pomoc", "pomocy", "pomocą"),
        ("szkoła", "szkoły", "szkole", "szkołę", "szkół"),
        ("lekarz", "lekarza", "lekarze", "lekarzy"),
        ("rachunek", "rachunku", "rachunki", "rachunków"),
        ("adres", "adresu", "adresy", "adresie"),
        ("meldunek", "meldunku", "meldunkiem"),
    ],
    "sv": [
        ("bygglov", "bygglovet", "bygglovets", "bygglovs", "bygglovens"),
        ("ansökan", "ansökans", "ansökningar", "ansökningen", "ansökningarna"),
        ("skatt", "skatten", "skatter", "skatterna", "skattens"),
        ("faktura", "fakturan", "fakturor", "fakturorna", "fakturans"),
        ("intyg", "intyget", "intygen", "intygets"),
        ("avgift", "avgiften", "avgifter", "avgifterna"),
        ("beslut", "beslutet", "besluten", "beslutets"),
        ("barn", "barnet", "barnen", "barnens", "barnets"),
        ("bidrag", "bidraget", "bidragen"),
        ("förskola", "förskolan", "förskolor", "förskolorna"),
        ("skola", "skolan", "skolor", "skolorna"),
        ("bostad", "bostaden", "bostäder", "bostäderna"),
        ("ärende", "ärendet", "ärenden", "ärendena"),
        ("klagomål", "klagomålet", "klagomålen"),
        ("tillstånd", "tillståndet", "tillstånden"),
        ("parkering", "parkeringen", "parkeringar", "parkeringarna"),
        ("betalning", "betalningen", "betalningar"),
        ("räkning", "räkningen", "räkningar"),
        ("blankett", "blanketten", "blanketter"),
        ("möte", "mötet", "möten", "mötena"),
        ("läkare", "läkaren", "läkarna"),
        ("vatten", "vattnet", "vattnets"),
        ("pension", "pensionen", "pensioner"),
        ("hemtjänst", "hemtjänsten", "hemtjänstens"),
    ],
    "fi": [
        ("työttömyysturva", "työttömyysturvaa", "työttömyysturvan", "työttömyysturvasta"),
        ("hakemus", "hakemuksen", "hakemukset", "hakemusta", "hakemuksia", "hakemuksessa"),
        ("vero", "veron", "veroa", "verot", "veroja"),
        ("lasku", "laskun", "laskua", "laskut", "laskuja"),
        ("päätös", "päätöksen", "päätökset", "päätöstä"),
        ("todistus", "todistuksen", "todistusta", "todistukset"),
        ("maksu", "maksun", "maksua", "maksut", "maksuja"),
        ("asiakas", "asiakkaan", "asiakasta", "asiakkaat"),
        ("tuki", "tuen", "tukea", "tukia", "tuet"),
        ("lapsi", "lapsen", "lasta", "lapset", "lapsia"),
        ("koulu", "koulun", "koulua", "koulut"),
        ("päiväkoti", "päiväkodin", "päiväkotia", "päiväkodit"),
        ("asunto", "asunnon", "asuntoa", "asunnot"),
        ("lupa", "luvan", "lupaa", "luvat"),
        ("rakennuslupa", "rakennusluvan", "rakennuslupaa", "rakennusluvat"),
        ("valitus", "valituksen", "valitusta", "valitukset"),
        ("lääkäri", "lääkärin", "lääkäriä", "lääkärit"),
        ("ajanvaraus", "ajanvarauksen", "ajanvarausta"),
        ("eläke", "eläkkeen", "eläkettä", "eläkkeet"),
        ("toimeentulotuki", "toimeentulotuen", "toimeentulotukea"),
        ("jäte", "jätteen", "jätettä", "jätteet"),
        ("osoite", "osoitteen", "osoitetta", "osoitteet"),
        ("ilmoitus", "ilmoituksen", "ilmoitusta", "ilmoitukset"),
        ("passi", "passin", "passia", "passit"),
    ],
    "en": [
        ("application", "applications"),
        ("payment", "payments"),
        ("tax", "taxes"),
        ("permit", "permits"),
        ("benefit", "benefits"),
        ("child", "children"),
        ("fee", "fees"),
        ("decision", "decisions"),
        ("complaint", "complaints"),
        ("appointment", "appointments"),
        ("invoice", "invoices"),
        ("certificate", "certificates"),
        ("address", "addresses"),
        ("pension", "pensions"),
        ("apply", "applied", "applying", "applies"),
        ("pay", "paid", "paying", "pays"),
    ],
}


def pairs(language: str) -> Iterable[tuple[str, str]]:
    for group in GROUPS[language]:
        yield from ((query, document) for query in group for document in group if query != document)


def recall(language: str, matches: Callable[[str, str], bool]) -> float:
    found = [matches(query, document) for query, document in pairs(language)]
    return sum(found) / len(found)
