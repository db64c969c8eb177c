"""The demo organisations' knowledge base beyond the articles (which are the relevance corpus,
civicdesk/knowledge/tests/relevance/corpus.json, loaded as is): checklists per case type,
service cards of the Finnish service point, intranet notices, the contact directory and a
knowledge test per organisation. Written from the seeds: Zielona Linia's intranet (funds,
training plans, job fairs, EURES recruitments), Skellefteå's checklistor, ASPA's palvelukortit.

    checklists  [{case_type, names: {lang: name}, steps: [{lang: text}]}]
    cards       [{code, producer, delivery, eservice_url, support_phone, support_email,
                  support_hours, case_types, points, links, texts: {lang: {name, description,
                  eligibility, documents, fees, instructions}}}]
    notices     [{category, language, title, body (HTML), starts (days from today),
                  lasts (days), department | service_point (codes)}]
    directory   [{kind, name, institution, role, phone, email, website, address, notes}]
    quizzes     [{title, language, topic, description, articles (corpus keys),
                  questions: [{text, choices, correct (index), explanation, article}]}]
    due         corpus keys of articles already past their review date (the review queue)
"""

ZIELONA_LINIA = {
    "checklists": [
        {
            "case_type": "rejestracja-bezrobotnego",
            "names": {"pl": "Rejestracja w urzędzie pracy", "en": "Registering at the office"},
            "steps": [
                {
                    "pl": "Ustal powiat zameldowania i właściwy PUP",
                    "en": "Find the district labour office of residence",
                },
                {
                    "pl": "Zapytaj, czy klient pracuje lub się uczy (bezrobotny czy poszukujący)",
                    "en": "Ask whether the caller works or studies (unemployed or job seeker)",
                },
                {
                    "pl": "Wyjaśnij rejestrację przez praca.gov.pl i termin 7 dni",
                    "en": "Explain online registration and the 7-day visit",
                },
                {
                    "pl": "Wymień dokumenty: dowód, świadectwa pracy, dyplomy",
                    "en": "List the documents: ID, work certificates, diplomas",
                },
                {
                    "pl": "Wyślij link do artykułu mailem, jeśli klient chce",
                    "en": "E-mail the article link if the caller wants it",
                },
            ],
        },
        {
            "case_type": "zasilek-dla-bezrobotnych",
            "names": {"pl": "Pytania o zasiłek", "en": "Questions about the benefit"},
            "steps": [
                {
                    "pl": "Sprawdź, czy klient jest zarejestrowany",
                    "en": "Check that the caller is registered",
                },
                {
                    "pl": "Zapytaj o 365 dni pracy w ostatnich 18 miesiącach",
                    "en": "Ask about 365 days of work in the last 18 months",
                },
                {
                    "pl": "Podaj aktualne kwoty zasiłku (komunikat z 1 czerwca)",
                    "en": "Give this year's amounts (announced 1 June)",
                },
                {
                    "pl": "Decyzji nie komentuj: sprawy indywidualne przekaż do PAK",
                    "en": "Do not comment on decisions: forward individual matters to the PAK",
                },
            ],
        },
        {
            "case_type": "eures-praca-za-granica",
            "names": {"pl": "Praca za granicą", "en": "Work abroad"},
            "steps": [
                {
                    "pl": "Zapytaj o kraj, zawód i znajomość języka",
                    "en": "Ask about the country, the occupation and languages",
                },
                {
                    "pl": "Wskaż portal EURES i bieżące rekrutacje z intranetu",
                    "en": "Point to the EURES portal and current recruitments on the intranet",
                },
                {"pl": "Ostrzeż przed płatnym pośrednictwem", "en": "Warn against paid agencies"},
                {
                    "pl": "Umów kontakt z doradcą EURES w WUP",
                    "en": "Arrange a call from the regional EURES adviser",
                },
            ],
        },
    ],
    "cards": [],
    "notices": [
        {
            "category": "job_fair",
            "language": "pl",
            "title": "Targi pracy w Białymstoku – 120 ofert",
            "body": (
                "<p>PUP w Białymstoku zaprasza na targi pracy w hali Urzędu Miejskiego, "
                "10:00–14:00. Ponad 40 pracodawców, 120 ofert, stoisko EURES.</p>"
            ),
            "starts": -3,
            "lasts": 20,
            "department": "pup-bialystok",
        },
        {
            "category": "funds",
            "language": "pl",
            "title": "Nabór wniosków KFS na 2026 rok",
            "body": (
                "<p>Urząd Pracy m.st. Warszawy przyjmuje wnioski z Krajowego Funduszu "
                "Szkoleniowego do wyczerpania środków. Priorytety: kompetencje cyfrowe, osoby "
                "50+.</p>"
            ),
            "starts": -10,
            "lasts": 45,
            "department": "pup-warszawa",
        },
        {
            "category": "eures",
            "language": "pl",
            "title": "Rekrutacja EURES: kierowcy autobusów do Norwegii",
            "body": (
                "<p>Wymagane prawo jazdy kat. D, język angielski na poziomie B1. Rozmowy w WUP w "
                "Warszawie; CV do końca miesiąca.</p>"
            ),
            "starts": -5,
            "lasts": 25,
            "department": "wup-mazowiecki",
        },
        {
            "category": "payments",
            "language": "pl",
            "title": "Harmonogram wypłat zasiłków w grudniu",
            "body": (
                "<ul><li>PUP Warszawa: 10 i 22 grudnia</li><li>GUP Kraków: 12 grudnia</li><li>PUP "
                "Białystok: 15 grudnia</li></ul>"
            ),
            "starts": 0,
            "lasts": 40,
            "department": "cik",
        },
        {
            "category": "training",
            "language": "pl",
            "title": "Plan szkoleń grupowych GUP Kraków – I kwartał",
            "body": (
                "<p>Operator wózków widłowych, kadry i płace, spawanie MAG, kurs języka "
                "angielskiego w biznesie. Zapisy u doradcy klienta.</p>"
            ),
            "starts": -20,
            "lasts": 60,
            "department": "pup-krakow",
        },
        {
            "category": "opening_hours",
            "language": "pl",
            "title": "Godziny pracy infolinii w okresie świątecznym",
            "body": "<p>24 i 31 grudnia infolinia 19524 czynna do 13:00.</p>",
            "starts": -40,
            "lasts": 20,
            "department": "cik",
        },
    ],
    "directory": [
        {
            "kind": "institution",
            "name": "Zakład Ubezpieczeń Społecznych (ZUS)",
            "role": "Zwolnienia lekarskie, emerytury, składki",
            "phone": "+48 22 560 16 00",
            "website": "https://zus.example",
            "notes": "Pytania o L4 i ubezpieczenie – kierować do ZUS.",
        },
        {
            "kind": "institution",
            "name": "Ochotnicze Hufce Pracy (OHP)",
            "role": "Młodzież 15–25 lat: praca, szkolenia",
            "phone": "+48 22 578 48 00",
            "website": "https://ohp.example",
        },
        {
            "kind": "institution",
            "name": "Krajowa Informacja Skarbowa",
            "role": "PIT, ulgi podatkowe",
            "phone": "+48 22 330 03 30",
            "website": "https://kis.example",
        },
        {
            "kind": "consultant",
            "name": "Anna Kowalczyk",
            "institution": "PUP Białystok",
            "role": "Konsultant PAK: zasiłki i status",
            "phone": "+48 85 000 11 22",
            "email": "pak.bialystok@zielonalinia.example",
        },
        {
            "kind": "consultant",
            "name": "Tomasz Wiśniewski",
            "institution": "WUP w Warszawie",
            "role": "Doradca EURES",
            "phone": "+48 22 000 40 20",
            "email": "eures@zielonalinia.example",
        },
    ],
    "quizzes": [
        {
            "title": "Zasiłek i rejestracja – sprawdź się",
            "language": "pl",
            "topic": None,
            "description": "Pięć minut dla nowych konsultantów.",
            "articles": ["pl-zasilek", "pl-rejestracja"],
            "questions": [
                {
                    "text": "Ile dni pracy w ciągu 18 miesięcy daje prawo do zasiłku?",
                    "choices": ["180", "365", "90"],
                    "correct": 1,
                    "explanation": "Co najmniej 365 dni z co najmniej minimalnym wynagrodzeniem.",
                    "article": "pl-zasilek",
                },
                {
                    "text": "W jakim terminie po rejestracji online trzeba przyjść do urzędu?",
                    "choices": ["7 dni", "30 dni", "Nie trzeba"],
                    "correct": 0,
                    "explanation": "W ciągu 7 dni, inaczej rejestracja nie jest skuteczna.",
                    "article": "pl-rejestracja",
                },
                {
                    "text": "Kiedy osoba, która sama się zwolniła, dostaje zasiłek?",
                    "choices": ["Od razu", "Po 90 dniach", "Nigdy"],
                    "correct": 1,
                    "explanation": "Prawo do zasiłku przysługuje po 90 dniach.",
                    "article": "pl-zasilek",
                },
            ],
        }
    ],
    "due": ["pl-dodatek-aktywizacyjny", "pl-prace-interwencyjne"],
}

SKELLEFTEA = {
    "checklists": [
        {
            "case_type": "bygglov-fragor",
            "names": {"sv": "Frågor om bygglov", "en": "Building permit questions"},
            "steps": [
                {
                    "sv": "Fråga efter fastighetsbeteckningen",
                    "en": "Ask for the property designation",
                },
                {
                    "sv": (
                        "Kontrollera i kartan om fastigheten ligger inom detaljplan eller "
                        "strandskydd"
                    ),
                    "en": "Check on the map for a detailed plan or shoreline protection",
                },
                {
                    "sv": "Förklara skillnaden mellan bygglov, anmälan och lovfritt",
                    "en": "Explain permit, notification and permit-free",
                },
                {
                    "sv": "Hänvisa till e-tjänsten och ritningskraven",
                    "en": "Point to the e-service and the drawing requirements",
                },
                {
                    "sv": "Bedömningsfrågor: skicka till svarsgrupp bygglov",
                    "en": "Questions of judgement: forward to the building-permit answer group",
                },
            ],
        },
        {
            "case_type": "forskoleplats",
            "names": {"sv": "Förskoleplats", "en": "Preschool place"},
            "steps": [
                {
                    "sv": "Fråga när platsen behövs (minst fyra månader)",
                    "en": "Ask when the place is needed (four months' notice)",
                },
                {
                    "sv": "Visa e-tjänsten Förskola och fritids",
                    "en": "Show the preschool e-service",
                },
                {
                    "sv": "Påminn om inkomstuppgiften för avgiften",
                    "en": "Remind about the income report for the fee",
                },
            ],
        },
        {
            "case_type": "sophamtning",
            "names": {"sv": "Sophämtning", "en": "Waste collection"},
            "steps": [
                {
                    "sv": "Kontrollera adressens hämtningsdag",
                    "en": "Check the address's collection day",
                },
                {
                    "sv": "Missad hämtning: registrera senast dagen efter",
                    "en": "Missed collection: register no later than the day after",
                },
                {
                    "sv": "Abonnemangsändring: hänvisa till e-tjänsten",
                    "en": "Subscription change: point to the e-service",
                },
            ],
        },
        {
            "case_type": "ekonomiskt-bistand",
            "names": {
                "sv": "Ekonomiskt bistånd – kundtjänst",
                "en": "Financial assistance – front line",
            },
            "steps": [
                {
                    "sv": "Ge bara allmän information; inga uppgifter om enskilda",
                    "en": "Give general information only; nothing about individuals",
                },
                {
                    "sv": "Registrera ärendet som sekretessärende",
                    "en": "Register the case as confidential",
                },
                {
                    "sv": "Vid akut nöd: koppla till socialtjänstens mottagning",
                    "en": "In urgent need: put the call through to social services",
                },
            ],
        },
    ],
    "cards": [],
    "notices": [
        {
            "category": "opening_hours",
            "language": "sv",
            "title": "Kundcenter: ändrade öppettider i jul",
            "body": (
                "<p>Julafton, juldagen och nyårsafton är kundcenter stängt. Mellandagarna öppet "
                "8–15.</p>"
            ),
            "starts": -2,
            "lasts": 30,
            "service_point": "kundcenter",
        },
        {
            "category": "forms",
            "language": "sv",
            "title": "Ny ansökningsblankett för färdtjänst",
            "body": (
                "<p>Från och med denna månad gäller den nya blanketten med läkarintyg på separat "
                "sida. Gamla blanketter tas emot till månadens slut.</p>"
            ),
            "starts": -7,
            "lasts": 40,
            "department": "socialforvaltningen",
        },
        {
            "category": "workshop",
            "language": "sv",
            "title": "Informationskväll: bygga attefallshus",
            "body": (
                "<p>Bygglovsenheten håller informationskväll i Stadshuset kl 18. Anmälan via "
                "e-tjänsten.</p>"
            ),
            "starts": -1,
            "lasts": 14,
            "department": "bygg-och-miljo",
        },
        {
            "category": "other",
            "language": "sv",
            "title": "Sommarens tömningsschema för fritidshus",
            "body": "<p>Tömning av fritidshus sker varannan vecka maj–september.</p>",
            "starts": -200,
            "lasts": 120,
            "department": "samhallsbyggnad",
        },
    ],
    "directory": [
        {
            "kind": "institution",
            "name": "Försäkringskassan",
            "role": "Föräldrapenning, sjukpenning, bostadsbidrag",
            "phone": "+46 771 524 524",
            "website": "https://forsakringskassan.example",
        },
        {
            "kind": "institution",
            "name": "Arbetsförmedlingen",
            "role": "Arbetssökande, a-kassa hänvisning",
            "phone": "+46 771 416 416",
            "website": "https://arbetsformedlingen.example",
        },
        {
            "kind": "institution",
            "name": "Skatteverket",
            "role": "Folkbokföring, deklaration, id-kort",
            "phone": "+46 771 567 567",
            "website": "https://skatteverket.example",
        },
        {
            "kind": "institution",
            "name": "Länsstyrelsen Västerbotten",
            "role": "Överklagan av bygglov, strandskydd",
            "phone": "+46 10 225 40 00",
            "website": "https://lansstyrelsen.example",
        },
        {
            "kind": "consultant",
            "name": "Maria Holmberg",
            "institution": "Bygg- och miljöförvaltningen",
            "role": "Bygglovshandläggare, svarsgrupp bygglov",
            "phone": "+46 910 73 51 12",
            "email": "bygglov@skelleftea.example",
        },
    ],
    "quizzes": [
        {
            "title": "Bygglov och förskola",
            "language": "sv",
            "topic": "bygga-och-bo",
            "description": "Kontrollera att kundtjänst svarar lika.",
            "articles": ["sv-bygglov", "sv-attefall", "sv-forskola"],
            "questions": [
                {
                    "text": "Hur stor friggebod får byggas utan lov och anmälan?",
                    "choices": ["15 m²", "30 m²", "25 m²"],
                    "correct": 0,
                    "explanation": "15 kvadratmeter, minst 4,5 meter från tomtgränsen.",
                    "article": "sv-attefall",
                },
                {
                    "text": "Hur lång är handläggningstiden för bygglov?",
                    "choices": ["Fyra veckor", "Tio veckor", "Sex månader"],
                    "correct": 1,
                    "explanation": "Högst tio veckor från komplett ansökan.",
                    "article": "sv-bygglov",
                },
                {
                    "text": "När ska man söka förskoleplats?",
                    "choices": ["En månad innan", "Fyra månader innan", "Ett år innan"],
                    "correct": 1,
                    "explanation": "Senast fyra månader innan platsen behövs.",
                    "article": "sv-forskola",
                },
            ],
        }
    ],
    "due": ["sv-snorojning", "sv-parkeringstillstand"],
}

_TAX_SUPPORT = {
    "support_phone": "+358 29 497 050",
    "support_email": "vero.tuki@aspa-kauhajoki.example",
    "support_hours": "ma–pe 9–16",
}
_KELA_SUPPORT = {
    "support_phone": "+358 20 692 300",
    "support_email": "kela.tuki@aspa-kauhajoki.example",
    "support_hours": "ma–pe 8–16",
}
_POLICE_SUPPORT = {
    "support_phone": "+358 295 417 510",
    "support_email": "lupa.tuki@aspa-kauhajoki.example",
    "support_hours": "ma–pe 8–16.15",
}

ASPA_KAUHAJOKI = {
    "checklists": [
        {
            "case_type": "passihakemus",
            "names": {
                "fi": "Passihakemus etäpalveluna",
                "sv": "Passansökan som distanstjänst",
                "en": "Passport application by remote service",
            },
            "steps": [
                {
                    "fi": "Tarkista, onko asiakkaalla kuvatunnus",
                    "en": "Check the customer has a photo code",
                },
                {
                    "fi": "Varaa etäpalveluaika poliisin kalenterista",
                    "en": "Book a remote-service slot in the police calendar",
                },
                {
                    "fi": "Tarkista henkilöllisyys ja kirjaa tarkistus",
                    "en": "Verify the identity and record the check",
                },
                {
                    "fi": "Avaa videoyhteys ja poistu tilasta",
                    "en": "Open the video link and leave the room",
                },
            ],
        },
        {
            "case_type": "asumistuki-hakemus",
            "names": {
                "fi": "Asumistukihakemus",
                "sv": "Ansökan om bostadsbidrag",
                "en": "Housing allowance application",
            },
            "steps": [
                {
                    "fi": "Ohjaa OmaKelaan asiakaspäätteellä",
                    "en": "Guide the customer to OmaKela on the terminal",
                },
                {
                    "fi": "Jos paperilla: lomake AT1 ja liitteet",
                    "en": "On paper: form AT1 and attachments",
                },
                {
                    "fi": "Skannaa vuokrasopimus ja tulotiedot, anna kuittaus",
                    "en": "Scan the rental agreement and income details, give a receipt",
                },
                {"fi": "Kirjaa suorite Kelalle", "en": "Record the service event for Kela"},
            ],
        },
        {
            "case_type": "verokortti",
            "names": {"fi": "Verokortin muutos", "en": "Changing a tax card"},
            "steps": [
                {
                    "fi": "Selvitä koko vuoden arvioidut tulot",
                    "en": "Work out the year's estimated income",
                },
                {
                    "fi": "Ohjaa OmaVeroon tai täytä lomake",
                    "en": "Guide to MyTax or fill in the form",
                },
                {
                    "fi": "Muistuta toimittamaan verokortti työnantajalle",
                    "en": "Remind to give the tax card to the employer",
                },
            ],
        },
    ],
    "cards": [
        {
            "code": "verokortin-muutos",
            "producer": "verohallinto",
            "delivery": "eservice",
            "eservice_url": "https://vero.example/omavero",
            **_TAX_SUPPORT,
            "case_types": ["verokortti"],
            "points": ["kauhajoki", "teuva"],
            "links": [{"title": "OmaVero", "url": "https://vero.example/omavero"}],
            "texts": {
                "fi": {
                    "name": "Verokortin muutos",
                    "description": "Uusi verokortti, kun tulot muuttuvat.",
                    "eligibility": "Kaikki Suomessa verovelvolliset.",
                    "documents": "Verkkopankkitunnukset; palkkatiedot.",
                    "fees": "Maksuton.",
                    "instructions": (
                        "1. Ohjaa asiakas asiakaspäätteelle.\n2. Kirjautuminen OmaVeroon.\n3. "
                        "Verokortti ja ennakkoperintä → Muuta verokorttia.\n4. Jos ei tunnuksia: "
                        "lomake 5010 ja skannaus Verohallinnolle."
                    ),
                },
                "sv": {
                    "name": "Ändring av skattekort",
                    "description": "Nytt skattekort när inkomsterna ändras.",
                    "fees": "Avgiftsfri.",
                    "instructions": "Vägled kunden till MinSkatt på kundterminalen.",
                },
                "en": {
                    "name": "Changing a tax card",
                    "description": "A new tax card when income changes.",
                    "fees": "Free of charge.",
                    "instructions": "Guide the customer to MyTax on the customer terminal.",
                },
            },
        },
        {
            "code": "asumistuki",
            "producer": "kela",
            "delivery": "manual",
            **_KELA_SUPPORT,
            "case_types": ["asumistuki-hakemus", "liitteiden-toimitus-kelaan"],
            "points": ["kauhajoki", "teuva"],
            "links": [{"title": "Lomake AT1", "url": "https://kela.example/lomakkeet/at1"}],
            "texts": {
                "fi": {
                    "name": "Yleinen asumistuki",
                    "description": "Kelan tuki asumismenoihin pienituloisille ruokakunnille.",
                    "eligibility": (
                        "Pienituloiset ruokakunnat vuokra-, asumisoikeus- ja omistusasunnoissa."
                    ),
                    "documents": "Vuokrasopimus, tulotiedot, tarvittaessa vastikelaskelma.",
                    "fees": "Maksuton.",
                    "instructions": (
                        "1. Ensisijaisesti OmaKela asiakaspäätteellä.\n2. Paperilla: lomake "
                        "AT1.\n3. Skannaa liitteet ja lähetä Kelan liitepalveluun.\n4. Anna "
                        "asiakkaalle kuittaus; palauta alkuperäiset."
                    ),
                },
                "sv": {
                    "name": "Allmänt bostadsbidrag",
                    "description": "FPA:s stöd för boendeutgifter.",
                    "documents": "Hyresavtal, inkomstuppgifter.",
                    "fees": "Avgiftsfri.",
                },
                "en": {
                    "name": "General housing allowance",
                    "description": "Kela's support for housing costs.",
                    "documents": "Rental agreement, income details.",
                    "fees": "Free of charge.",
                },
            },
        },
        {
            "code": "passi-etapalvelu",
            "producer": "poliisi",
            "delivery": "remote",
            **_POLICE_SUPPORT,
            "case_types": ["passihakemus", "henkilokorttihakemus"],
            "points": ["kauhajoki"],
            "links": [
                {"title": "Poliisin sähköinen asiointi", "url": "https://poliisi.example/asiointi"}
            ],
            "texts": {
                "fi": {
                    "name": "Passi ja henkilökortti etäpalveluna",
                    "description": (
                        "Passi- tai henkilökorttihakemus videoyhteydellä poliisin lupasihteerille."
                    ),
                    "eligibility": (
                        "Täysi-ikäiset, joilla on voimassa oleva henkilöllisyystodistus."
                    ),
                    "documents": (
                        "Kuvatunnus valokuvaamosta, voimassa oleva henkilöllisyystodistus."
                    ),
                    "fees": "Passi 56 € (verkossa), 59 € palvelupisteessä; maksetaan poliisille.",
                    "instructions": (
                        "1. Varaa etäpalveluaika.\n2. Tarkista henkilöllisyys ennen yhteyttä.\n3. "
                        "Käynnistä video ja dokumenttikamera.\n4. Poistu tilasta asioinnin ajaksi."
                    ),
                },
                "sv": {
                    "name": "Pass och identitetskort som distanstjänst",
                    "description": (
                        "Ansökan via videoförbindelse till polisens tillståndssekreterare."
                    ),
                    "fees": "Pass 56 € på nätet.",
                },
                "en": {
                    "name": "Passport and identity card by remote service",
                    "description": "Apply over a video link to a police licence secretary.",
                    "fees": "Passport €56 online.",
                },
            },
        },
        {
            "code": "lainhuuto",
            "producer": "maanmittauslaitos",
            "delivery": "manual",
            "support_phone": "+358 29 530 1110",
            "support_email": "mml.tuki@aspa-kauhajoki.example",
            "support_hours": "ma–pe 9–16",
            "case_types": ["lainhuuto", "kiinteistorekisteriote"],
            "points": ["kauhajoki", "teuva"],
            "links": [],
            "texts": {
                "fi": {
                    "name": "Lainhuuto ja kiinteistötodistukset",
                    "description": "Lainhuutohakemuksen vastaanotto ja todistusten tulostus.",
                    "eligibility": "Kiinteistön ostajat ja omistajat.",
                    "documents": "Alkuperäinen kauppakirja; varainsiirtoveron maksutosite.",
                    "fees": (
                        "Lainhuuto 171 €; todistukset 12–19 €. Maksu otetaan vastaan pisteessä."
                    ),
                    "instructions": (
                        "1. Tarkista kauppakirjan allekirjoitukset.\n2. Ota maksu vastaan ja anna "
                        "kuitti.\n3. Skannaa hakemus ja lähetä Maanmittauslaitokselle.\n4. Kirjaa "
                        "suorite."
                    ),
                },
                "sv": {
                    "name": "Lagfart och fastighetsintyg",
                    "description": "Mottagning av lagfartsansökan och utskrift av intyg.",
                    "fees": "Lagfart 171 €.",
                },
            },
        },
        {
            "code": "starttiraha",
            "producer": "te-palvelut",
            "delivery": "meeting",
            "support_phone": "+358 29 502 5410",
            "support_email": "te.tuki@aspa-kauhajoki.example",
            "support_hours": "ti ja to 9–15",
            "case_types": ["starttiraha"],
            "points": ["kauhajoki"],
            "links": [],
            "texts": {
                "fi": {
                    "name": "Starttiraha – tapaaminen TE-asiantuntijan kanssa",
                    "description": "Yrittäjyysneuvonta ja starttirahahakemuksen läpikäynti.",
                    "eligibility": "Päätoimista yritystoimintaa aloittavat.",
                    "documents": "Liiketoimintasuunnitelma, rahoitus- ja kannattavuuslaskelma.",
                    "fees": "Maksuton.",
                    "instructions": (
                        "Varaa aika TE-asiantuntijan vastaanotolle pisteessä (tiistaisin ja "
                        "torstaisin)."
                    ),
                },
                "en": {
                    "name": "Start-up grant – meeting a TE expert",
                    "description": (
                        "Business advice and going through the start-up grant application."
                    ),
                    "fees": "Free of charge.",
                },
            },
        },
        {
            "code": "aselupa-ohjaus",
            "producer": "poliisi",
            "delivery": "guidance",
            **_POLICE_SUPPORT,
            "case_types": ["aselupa"],
            "points": ["kauhajoki", "teuva"],
            "links": [{"title": "Poliisin lupapalvelut", "url": "https://poliisi.example/luvat"}],
            "texts": {
                "fi": {
                    "name": "Aselupa – ohjaus poliisin lupapalveluihin",
                    "description": "Asiakaspalvelupiste ei ota vastaan aselupahakemuksia.",
                    "instructions": (
                        "Ohjaa asiakas poliisin verkkopalveluun tai lupapalveluihin. Älä arvioi "
                        "luvan saamista."
                    ),
                },
            },
        },
    ],
    "notices": [
        {
            "category": "other",
            "language": "fi",
            "title": "Kelan etäpalvelupäivät joulukuussa",
            "body": (
                "<p>Kelan asiantuntija tavattavissa etäyhteydellä Teuvan pisteessä "
                "keskiviikkoisin. Varaa aika palveluneuvojalta.</p>"
            ),
            "starts": -4,
            "lasts": 30,
            "service_point": "teuva",
        },
        {
            "category": "opening_hours",
            "language": "fi",
            "title": "Kauhajoen piste suljettu itsenäisyyspäivänä",
            "body": "<p>Piste on suljettu 6.12. Aattona avoinna klo 9–12.</p>",
            "starts": -1,
            "lasts": 10,
            "service_point": "kauhajoki",
        },
        {
            "category": "forms",
            "language": "fi",
            "title": "Verohallinnon uusi lomake 5010",
            "body": (
                "<p>Muutosverokortin paperilomakkeesta on uusi versio. Vanhat lomakkeet "
                "poistetaan pisteistä.</p>"
            ),
            "starts": -15,
            "lasts": 60,
            "department": "verohallinto",
        },
    ],
    "directory": [
        {
            "kind": "institution",
            "name": "Verohallinto – henkilöasiakkaat",
            "role": "Verokortit, veroilmoitukset",
            "phone": "+358 29 497 000",
            "website": "https://vero.example",
        },
        {
            "kind": "institution",
            "name": "Kela – asumisen tuet",
            "role": "Asumistuki, toimeentulotuki",
            "phone": "+358 20 692 210",
            "website": "https://kela.example",
        },
        {
            "kind": "institution",
            "name": "Poliisin lupapalvelut, Seinäjoki",
            "role": "Passit, henkilökortit, aseluvat",
            "phone": "+358 295 417 500",
            "address": "Kauppakatu 1, Seinäjoki",
        },
        {
            "kind": "consultant",
            "name": "Pekka Mäkinen",
            "institution": "TE-palvelut",
            "role": "Yrittäjyysasiantuntija, starttiraha",
            "phone": "+358 29 502 5420",
            "email": "te.tuki@aspa-kauhajoki.example",
        },
    ],
    "quizzes": [
        {
            "title": "Palvelukortit tutuiksi",
            "language": "fi",
            "topic": None,
            "description": "Lyhyt testi uusille palveluneuvojille.",
            "articles": ["fi-passi", "fi-lainhuuto", "fi-asumistuki"],
            "questions": [
                {
                    "text": "Missä ajassa lainhuutoa on haettava?",
                    "choices": ["Kuukaudessa", "Kuudessa kuukaudessa", "Vuodessa"],
                    "correct": 1,
                    "explanation": "Kuuden kuukauden kuluessa kauppakirjan allekirjoittamisesta.",
                    "article": "fi-lainhuuto",
                },
                {
                    "text": "Mitä passia verkossa haettaessa tarvitaan?",
                    "choices": ["Kuvatunnus", "Paperikuva", "Todistaja"],
                    "correct": 0,
                    "explanation": "Valokuvaamon antama kuvatunnus.",
                    "article": "fi-passi",
                },
                {
                    "text": "Kuinka pitkäksi ajaksi asumistuki yleensä myönnetään?",
                    "choices": ["6 kk", "12 kk", "24 kk"],
                    "correct": 1,
                    "explanation": "Yleensä 12 kuukaudeksi kerrallaan.",
                    "article": "fi-asumistuki",
                },
            ],
        }
    ],
    "due": ["fi-lapsilisa"],
}

KNOWLEDGE = {
    "zielona-linia": ZIELONA_LINIA,
    "skelleftea": SKELLEFTEA,
    "aspa-kauhajoki": ASPA_KAUHAJOKI,
}
