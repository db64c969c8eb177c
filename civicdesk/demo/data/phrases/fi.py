"""Finnish: a joint service point (tax, Kela, employment services, police licences, land
survey, the town) and the Finnish-speaking customers of a Swedish municipality."""

from civicdesk.demo.data.phrases.words import words

THINGS = {
    "tax": [
        "verokortti",
        "muutosverokortti",
        "esitäytetty veroilmoitus",
        "kotitalousvähennys",
        "veronpalautus",
        "jäännösvero",
        "ennakkovero",
        "arvonlisäveron palautus",
        "matkakulujen vähennys",
        "sivutulojen verotus",
        "verotuspäätös",
        "oikaisuvaatimus",
        "perintövero",
        "lahjavero",
        "kiinteistövero",
        "tuloraja",
        "verokortti opiskelijalle",
        "työhuonevähennys",
    ],
    "benefits": [
        "yleinen asumistuki",
        "asumistuen hakemus",
        "liitteiden toimittaminen Kelaan",
        "palkkatodistus",
        "työttömyysetuus",
        "sairauspäiväraha",
        "lapsilisä",
        "opintotuki",
        "kuntoutusraha",
        "vanhempainpäiväraha",
        "eläkkeensaajan asumistuki",
        "Kelan päätös",
        "etuuden maksupäivä",
        "takaisinperintä",
        "Kela-kortti",
        "lääkekorvaus",
    ],
    "social": [
        "perustoimeentulotuki",
        "toimeentulotuen hakemus",
        "täydentävä toimeentulotuki",
        "maksusitoumus",
        "kotipalvelu",
        "omaishoidon tuki",
        "velkaneuvonta",
        "lastensuojeluilmoitus",
        "kuljetuspalvelu",
        "asunnottomuus",
    ],
    "jobs": [
        "työnhakijaksi ilmoittautuminen",
        "työnhaun voimassaolo",
        "työnhakusuunnitelma",
        "alkuhaastattelu",
        "työkokeilu",
        "palkkatuki",
        "työvoimakoulutus",
        "ammatinvalintapsykologi",
        "lomautus",
        "irtisanominen",
        "työpaikkailmoitus",
        "kesätyö",
    ],
    "employers": [
        "starttiraha",
        "liiketoimintasuunnitelma",
        "yrityksen perustaminen",
        "rahoituslaskelma",
        "Y-tunnus",
        "toiminimi",
    ],
    "permits": [
        "passihakemus",
        "henkilökorttihakemus",
        "aselupa",
        "passikuva",
        "lapsen passi",
        "ajokortti",
        "löytötavara",
        "rikosilmoitus",
        "ulkomaalaislupa",
        "kadonnut passi",
    ],
    "property": [
        "lainhuuto",
        "kiinteistörekisteriote",
        "lainhuutotodistus",
        "kaupungin vuokra-asunto",
        "rasitustodistus",
        "kiinnitys",
        "tilusvaihto",
        "rakennuslupa",
        "asuntohakemus",
        "tonttikauppa",
    ],
    "building": [
        "rakennuslupa",
        "toimenpidelupa",
        "aitta pihalle",
        "naapurin meluhaitta",
        "rantarakentaminen",
    ],
    "school": [
        "päivähoitopaikka",
        "koulukyyti",
        "iltapäiväkerho",
        "varhaiskasvatusmaksu",
    ],
}

DETAILS = {
    "tax": [
        "{Who} aloittaa uudessa työpaikassa ja tulot nousevat noin {amount} kuukaudessa.",
        "Kotitalousvähennys puuttuu esitäytetystä veroilmoituksesta.",
        "Veroilmoituksen palautuspäivä on {date}.",
        "{Who} teki keikkatöitä ja sai sivutuloja {amount}.",
        "Jäännösveroa on maksettavana {amount} ja eräpäivä on {date}.",
        "{Who} ei pysty kirjautumaan OmaVeroon pankkitunnuksilla.",
        "Työmatka on {number} kilometriä suuntaansa.",
    ],
    "benefits": [
        "Kela pyysi lisäselvityksenä palkkatodistuksen {number} kuukaudelta.",
        "{Who} muutti vuokra-asuntoon ja vuokra on {amount} kuukaudessa.",
        "Päätöstä on odotettu {number} viikkoa.",
        "{Who} ei käytä verkkopalveluja ja haluaa asioida paperilla.",
        "Etuuden maksu viivästyy ja tili on tyhjä.",
        "Hakemukseen puuttuu vuokrasopimus ja tiliotteet.",
    ],
    "social": [
        "{Who} ei pysty maksamaan vuokraa tässä kuussa.",
        "Työttömyysetuus on viivästynyt ja rahat ovat lopussa.",
        "{Who} tarvitsee maksusitoumuksen lääkkeisiin.",
        "Perheessä on {number} lasta ja tulot ovat pienet.",
        "{Who} on huolissaan naapurin lapsesta eikä halua kertoa nimeään.",
    ],
    "jobs": [
        "{Who} on irtisanottu tuotannollisista syistä {date}.",
        "{Who} on lomautettu {number} viikoksi.",
        "Työnhaku on katkennut, koska {who} ei vastannut kyselyyn.",
        "{Who} haluaa kouluttautua uudelle alalle.",
        "Alkuhaastattelu on varattu {date}.",
    ],
    "employers": [
        "{Who} aikoo perustaa kuljetusyrityksen {place}.",
        "Liiketoimintasuunnitelma on tehty, rahoituslaskelma puuttuu.",
        "Yritys aloittaa toimintansa {month}.",
    ],
    "permits": [
        "Passi vanhenee {date} ja matka on {month}.",
        "{Who} hakee henkilökorttia {number}-vuotiaalle lapselleen.",
        "Valokuvaamo toimittaa kuvan sähköisesti kuvatunnuksella.",
        "{Who} on suorittanut metsästäjätutkinnon.",
        "Passi on kadonnut matkalla.",
    ],
    "property": [
        "{Who} peri metsätilan {place} ja tarvitsee lainhuudon.",
        "Tontti sijaitsee osoitteessa {street}.",
        "Kaupanteko on {date} ja otteet tarvitaan sitä ennen.",
        "{Who} hakee kaksiota kaupungin vuokra-asunnoista.",
        "Tuloselvitys puuttuu hakemuksesta.",
    ],
}

GENERAL_DETAILS = [
    "{Who} on asioinut samassa asiassa aiemmin.",
    "{Who} pyytää soittoa kello {hour} jälkeen.",
    "Asiakirjat lähetettiin postitse {date}.",
    "{Who} ei löydä oikeaa lomaketta verkkosivuilta.",
    "{Who} toimitti {doc}, mutta ei saanut kuittausta.",
    "Asia on kiireellinen, määräaika päättyy {date}.",
    "{Who} asioi mieluiten ruotsiksi.",
]

SUBJECTS = [
    "{Thing}",
    "Kysymys: {thing}",
    "{Thing} – {place}",
    "{Thing}: {issue}",
    "Hakemus: {thing}",
    "{Thing} – {issue}",
    "Neuvonta: {thing}",
    "Apua asiassa: {thing}",
]

OPENINGS = {
    "call": [
        "{Who} soittaa, asia: {thing}.",
        "{Who} kysyy puhelimessa asiasta: {thing}.",
        "Asia koskee: {thing} ({place}).",
        "{Who} soittaa, ongelmana {issue}.",
    ],
    "written": [
        "{Who} kirjoittaa asiasta: {thing}.",
        "{Who} kirjoittaa asiasta {thing} ja liittää mukaan: {doc}.",
        "Verkkolomake: {thing}, {issue}.",
    ],
    "visit": [
        "{Who} asioi palvelupisteessä, asia: {thing}.",
        "{Who} haluaa tietoa: {thing}.",
        "Etäpalvelu: {thing}.",
        "Palvelupisteessä: {thing}; mukana {doc}.",
    ],
}

ISSUES = [
    "pitkä käsittelyaika",
    "väärä summa",
    "puuttuva liite",
    "ei päätöstä",
    "epäselvä päätös",
    "väärä osoite",
    "viivästynyt maksu",
    "kirjautuminen ei onnistu",
    "lomake puuttuu",
    "määräaika",
    "ajanvaraus",
    "muutoksenhaku",
    "kielivalinta",
    "kadonneet asiakirjat",
]

DOCUMENTS = [
    "palkkatodistus",
    "vuokrasopimus",
    "tiliote",
    "lääkärinlausunto",
    "perukirja",
    "kauppakirja",
    "valtakirja",
    "passikuva",
    "työtodistus",
    "tuloselvitys",
    "hakemuslomake",
]

WHO = {
    "general": ["asiakas", "hakija", "soittaja", "huoltaja", "omainen"],
    "employers": ["yrittäjä", "hakija", "asiakas"],
    "property": ["asiakas", "perillinen", "vuokralainen", "ostaja"],
    "tax": ["asiakas", "verovelvollinen", "yrittäjä"],
}

PLACES = [
    "keskustassa",
    "Aronkylässä",
    "Hyyppää",
    "Nummijärvellä",
    "Kainastolla",
    "Päntäneellä",
    "Sahankylässä",
    "Harjankylässä",
    "Teuvalla",
    "Kurikassa",
    "Seinäjoella",
    "Ilmajoella",
    "Jalasjärvellä",
    "Karijoella",
    "Isojoella",
    "Kristiinankaupungissa",
    "Kauhavalla",
    "Lapualla",
]

STREETS = [
    "Kauppatie",
    "Koulukatu",
    "Asemantie",
    "Kirkkotie",
    "Puistotie",
    "Rantatie",
    "Teollisuustie",
    "Koivutie",
    "Mäntytie",
    "Pappilantie",
    "Topeeka",
    "Hyyppäntie",
    "Nummijärventie",
    "Kainastontie",
    "Sahantie",
    "Myllytie",
    "Peltotie",
    "Urheilutie",
    "Kalliontie",
    "Tervahovintie",
]

MONTHS = [
    "tammikuuta",
    "helmikuuta",
    "maaliskuuta",
    "huhtikuuta",
    "toukokuuta",
    "kesäkuuta",
    "heinäkuuta",
    "elokuuta",
    "syyskuuta",
    "lokakuuta",
    "marraskuuta",
    "joulukuuta",
]
WEEKDAYS = [
    "maanantaina",
    "tiistaina",
    "keskiviikkona",
    "torstaina",
    "perjantaina",
    "lauantaina",
    "sunnuntaina",
]
DATE = "{day}. {month}"
AMOUNT = "{amount} euroa"

SUMMARIES = {
    "call": ["Soitto: {thing}.", "Asiakas kysyi asiasta: {thing}.", "Puhelu: {issue}.", ""],
    "written": ["Sähköposti: {thing}; {issue}.", "Verkkolomake: {thing}.", "Chat: {thing}.", ""],
    "visit": ["Asiointi palvelupisteessä: {thing}.", "Etäpalvelu: {thing}.", ""],
}

RESOLUTIONS = [
    "Ohjasin asiakkaan verkkopalveluun asiakaspäätteellä.",
    "Hakemus täytettiin yhdessä ja liitteet skannattiin.",
    "Annoin neuvontaa palvelukortin mukaan.",
    "Asiakas sai tarvitsemansa tiedot; ei jatkotoimia.",
    "Tulostin lomakkeen ja neuvoin täyttämään sen: {doc}.",
    "Varasin asiakkaalle ajan palveluntuottajalle {date}.",
    "Lähetin ohjeet sähköpostilla.",
    "Tarkistin tiedot ja kerroin käsittelyajan.",
]

FORWARD_REASONS = [
    "Palveluntuottajan tukipalvelu tarkistaa asian.",
    "Asia vaatii viranomaisen päätöksen.",
    "Ei kuulu yhteispalvelun sopimukseen.",
    "{Who} pyytää takaisinsoittoa asiantuntijalta.",
    "Koskee: {issue}; tarvitaan tarkistus järjestelmästä.",
]

CALL_BACKS = [
    "Soitin asiakkaalle: {thing}.",
    "Takaisinsoitto tehty, {issue} selvitetty.",
    "Soitin hakijalle ja kerroin päätöksestä.",
    "Puhelu asiakkaan kanssa; {doc} toimitetaan {date} mennessä.",
]

DEPARTMENT_RESOLUTIONS = [
    "Asia hoidettu takaisinsoitolla.",
    "Päätös tehty ja lähetetty asiakkaalle.",
    "Virhe korjattu ja maksu lähtee.",
    "Asiakas sai vastauksen, ei jatkotoimia.",
]

WAITING = [
    "Odotetaan asiakkaalta: {doc}.",
    "Asiakas toimittaa puuttuvat liitteet.",
    "Odotetaan asiakkaan vastausta.",
]

REPLIES = [
    "Asiakas toimitti: {doc}.",
    "Liitteet saapuivat sähköpostilla.",
    "Asiakas soitti ja antoi puuttuvat tiedot.",
]

CONFIDENTIAL = [
    "Salassa pidettävä asia: terveystietoja.",
    "Sisältää arkaluonteisia henkilötietoja.",
    "Salassa pidettävä sosiaalihuollon asia.",
]

NOTES = [
    "Asiakkaaseen ei saatu yhteyttä, yritetään huomenna.",
    "Lähetetty lomake asiakkaalle.",
    "Odotetaan vastausta Kelasta.",
    "Haastatteluaika varattu {date}.",
]


# The long tail: everyday things people mention, streets made of local stems, and more
# sentences that name them. Rare words live here.
OBJECTS = words(
    """
palkkakuitti tiliote vuokrasopimus sähkölasku vesilasku vakuutus ajokortti oleskelulupa
työsopimus koeaika irtisanomisaika lomaraha ylityö vuorotyö osa-aikatyö keikkatyö
harjoittelu oppisopimus ammattitutkinto ylioppilastutkinto työkokemus työnantaja esimies
työterveyshuolto sairausloma kuntoutus lääkäri hammaslääkäri apteekki resepti sairaala
terveyskeskus neuvola päiväkoti koulu lukio kirjasto uimahalli kuntosali nuorisotalo
seurakunta kaupungintalo poliisilaitos postikonttori pankki verkkopankki pankkitunnukset
mobiilivarmenne sähköposti tekstiviesti puhelin tietokone tulostin skanneri asiakaspääte
kuvatunnus valokuvaamo sormenjäljet hakemusnumero asiakasnumero viitenumero eräpäivä
maksumuistutus perintätoimisto ulosotto velkajärjestely vuokranantaja isännöitsijä
taloyhtiö omakotitalo kerrostalo rivitalo mökki metsäpalsta pelto tontti autotalli varasto
sauna piha kaivo jätevesijärjestelmä sähköliittymä valokuituliittymä traktori mopo
"""
)
STREETS += [
    stem + suffix
    for stem in words(
        """
    Koivu Mänty Kuusi Pihlaja Tammi Haapa Leppä Kataja Kanerva Mustikka Puolukka Lakka
    Kettu Karhu Ilves Hirvi Jänis Kurki Joutsen Sorsa Kivi Hiekka Järvi Lampi Lähde Myllyn
    Sepän Kirkon Koulun Aseman Torin Rannan Niemen Harjun Mäen Metsän
    """
    )
    for suffix in ("tie", "katu", "kuja", "polku")
]
GENERAL_DETAILS += [
    "Asia koskee myös: {object} ({street}).",
    "{Who} on puhunut virkailija {name} kanssa aiemmin.",
    "Asiakkaan mukaan {object} on ollut ongelmana {date} lähtien.",
    "Mukana on kopio: {object}.",
    "{Who} kysyy lisäksi asiasta: {object}.",
    "Asiakas on yhteydessä myös {name}, joka asuu osoitteessa {street}.",
]

OBJECTS += words(
    """
ruohonleikkuri lumilinko polttopuut öljylämmitys kaukolämpö maalämpö ilmalämpöpumppu
aurinkopaneelit sähköauto peräkärry moottorikelkka vene laituri venevaja puuvaja kanala
navetta riihi aitta saunamökki huvila leikkimökki lipputanko postilaatikko ovikello
rappukäytävä porraskäytävä kellari ullakko vaatehuone keittiö kylpyhuone pesukone
astianpesukone jääkaappi pakastin liesi uuni ilmanvaihto lämpöpatteri termostaatti
sulakkeet vikavirtasuoja
"""
)
GENERAL_DETAILS += [
    "Työ koskee kohdetta: {object}, ja kestää noin {number} viikkoa.",
    "Vuokranantaja ei ole korjannut vikaa: {object}.",
    "{Who} on saanut tarjouksen {amount} ja kysyy kotitalousvähennystä.",
    "Vakuutusyhtiö pyytää selvitystä vahingosta: {object}.",
    "Naapuri on valittanut asiasta: {object}.",
    "{Who} asuu yksin ja tarvitsee apua asioinnissa.",
    "Tapaaminen on sovittu {weekday} kello {hour}.",
    "{Who} palasi ulkomailta {number} vuoden jälkeen.",
    "Edellinen päätös tuli väärään osoitteeseen.",
    "{Who} kysyy, voiko asian hoitaa valtakirjalla.",
    "Tulkki tarvitaan, koska {who} puhuu arabiaa.",
    "{Who} on opiskelija ja tulot vaihtelevat kuukausittain.",
]
