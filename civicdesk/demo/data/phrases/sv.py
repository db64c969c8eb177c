"""Swedish: a municipal kundtjänst (building, school, streets, social services, leisure), and
the Swedish-speaking customers of a Finnish service point (tax, Kela, employment)."""

from civicdesk.demo.data.phrases.words import words

THINGS = {
    "building": [
        "bygglov för carport",
        "bygglov för tillbyggnad",
        "attefallshus",
        "bygglovsansökan",
        "startbesked",
        "komplettering av bygglovsansökan",
        "friggebod",
        "fasadändring",
        "altan med tak",
        "marklov för schaktning",
        "rivningslov",
        "slutbesked",
        "strandskyddsdispens för brygga",
        "buller från grannens värmepump",
        "nybyggnadskarta",
        "solceller på taket",
        "installation av eldstad",
        "ombyggnad av vind",
        "plank mot gatan",
        "detaljplan för kvarteret",
        "avloppsanläggning på landet",
        "förhandsbesked för fritidshus",
        "ventilation i hyreshuset",
        "bullerklagomål från byggarbetsplats",
        "fuktskada i lägenhet",
    ],
    "school": [
        "förskoleplats",
        "skolskjuts",
        "avgift för fritidshem",
        "byte av förskola",
        "plats i förskoleklass",
        "ansökan om skolval",
        "modersmålsundervisning",
        "specialkost i skolmatsalen",
        "busskort för gymnasiet",
        "inkomstuppgift för barnomsorgsavgift",
        "uppsägning av förskoleplats",
        "omsorg på obekväm arbetstid",
        "studiehandledning",
        "skolskjuts vid växelvis boende",
        "sommaröppen förskola",
        "ledighet från skolan",
        "elevhälsan",
        "lovskola",
    ],
    "streets": [
        "sophämtning",
        "tömning av slamavskiljare",
        "fyrfackskärl",
        "trasig gatubelysning",
        "snöröjning på villagatan",
        "potthål i vägen",
        "vattenläcka",
        "anslutning till kommunalt vatten",
        "VA-avgift",
        "missad hämtning av hushållsavfall",
        "grovsopor",
        "återvinningscentralen",
        "sandning av gångbana",
        "parkeringstillstånd",
        "trafikskylt som saknas",
        "vattenmätare",
        "brunt kranvatten",
        "felanmälan om lekplats",
        "nedfallet träd över gång- och cykelväg",
        "hämtning av trädgårdsavfall",
    ],
    "social": [
        "ekonomiskt bistånd",
        "orosanmälan",
        "färdtjänst",
        "hemtjänst",
        "försörjningsstöd",
        "skuldrådgivning",
        "boendestöd",
        "trygghetslarm",
        "bostadsanpassning",
        "kontaktperson",
        "särskilt boende",
        "god man",
        "missbruksvård",
        "riksfärdtjänst",
        "placering i familjehem",
        "anhörigstöd",
    ],
    "leisure": [
        "bokning av idrottshall",
        "föreningsbidrag",
        "simskola",
        "lokalbokning i fritidsgården",
        "bidrag till lägerverksamhet",
        "skidspåren i motionsspåret",
        "biblioteket",
        "kulturskolan",
        "hyra av festlokal",
        "badhusets öppettider",
        "isbanan",
        "lovaktiviteter för barn",
    ],
    "tax": [
        "skattsedel",
        "deklaration",
        "ändrad preliminärskatt",
        "avdrag för hushållsnära tjänster",
        "skatteåterbäring",
        "kvarskatt",
        "skattekort för extrajobb",
    ],
    "benefits": [
        "bostadsbidrag",
        "ansökan om stöd",
        "bilagor till ansökan",
        "utbetalning av ersättning",
        "sjukpenning",
        "föräldrapenning",
        "arbetslöshetsersättning",
    ],
    "jobs": [
        "anmälan som arbetssökande",
        "lediga jobb",
        "praktikplats",
        "arbetsförmedlingens möte",
        "aktivitetsrapport",
        "kompetensutveckling",
    ],
}

DETAILS = {
    "building": [
        "Ansökan lämnades in för {number} dagar sedan och {who} har inte fått något besked.",
        "Tomten ligger på {street} i {place} och är {number} kvadratmeter.",
        "Byggnaden ska placeras {number} meter från tomtgränsen mot grannen.",
        "{Who} undrar om det räcker med en anmälan eller om det krävs bygglov.",
        "Grannen har invänt mot bygget och {who} vill veta hur grannehöret går till.",
        "Ritningar och situationsplan finns men kontrollplanen saknas.",
        "Det gäller ett fritidshus vid sjön nära strandskyddat område.",
        "Arbetet pågår efter klockan 22 på vardagar och även på helgerna.",
        "Handläggaren begärde komplettering den {date} och den skickades samma vecka.",
        "{Who} vill börja bygga innan sommaren och behöver startbesked snart.",
    ],
    "school": [
        "Familjen flyttar till {place} i {month} och behöver plats från och med då.",
        "Barnet fyller {number} år och går i dag på en förskola i {place}.",
        "Avståndet mellan hemmet på {street} och skolan är {number} kilometer.",
        "Fakturan för {month} bygger på fel inkomst, {amount} i månaden för mycket.",
        "Föräldrarna bor växelvis och båda adresserna ligger i kommunen.",
        "Barnet har allergi mot nötter och behöver specialkost.",
        "{Who} arbetar skift och behöver omsorg på kvällar och helger.",
        "Skolbussen går {number} minuter för tidigt och barnen missar den.",
    ],
    "streets": [
        "Kärlet på {street} har inte tömts sedan {weekday} förra veckan.",
        "Gatlamporna mellan {street} och busshållplatsen har varit släckta i {number} dagar.",
        "Det har inte plogats på villagatan i {place} sedan snöfallet i {weekday}s.",
        "Vattnet i kranen är brunt sedan grävarbetet på {street}.",
        "Hålet i vägen är ungefär {number} centimeter djupt och fyllt med vatten.",
        "{Who} vill byta abonnemang och undrar vad det kostar per år.",
        "Fakturan på {amount} gäller en hämtning som aldrig blev av.",
        "Ett träd har blåst ned över cykelvägen vid {place}.",
    ],
    "social": [
        "{Who} har blivit av med jobbet och pengarna räcker inte till hyran i {month}.",
        "Uppringaren oroar sig för ett barn i grannfamiljen och vill vara anonym.",
        "{Who} har svårt att gå och behöver färdtjänst till sjukhuset i {place}.",
        "Inkomsten består av sjukersättning på {amount} i månaden.",
        "Anhöriga bor långt bort och {who} klarar inte längre vardagen själv.",
        "{Who} väntar på beslut från Försäkringskassan och har inga andra inkomster.",
        "Det finns skulder till hyresvärden och en vräkning kan bli aktuell.",
    ],
    "leisure": [
        "Föreningen vill boka hallen {weekday}ar klockan {hour} under hela säsongen.",
        "Ansökan gäller verksamhet för {number} barn och ungdomar i {place}.",
        "Simskolan för barn mellan fem och sju år var fullbokad på {number} minuter.",
        "Festlokalen ska hyras för ett födelsedagskalas den {date}.",
        "Verksamhetsberättelsen för förra året är inte klar än.",
    ],
}

GENERAL_DETAILS = [
    "{Who} har tidigare fått olika besked från olika handläggare.",
    "Ärendet är brådskande eftersom tidsfristen går ut den {date}.",
    "{Who} har sökt på webbplatsen men hittar inte rätt blankett.",
    "{Who} har skickat in {doc} men har inte fått någon bekräftelse.",
    "Det är andra gången {who} hör av sig i samma fråga.",
    "{Who} ber om att bli uppringd efter klockan {hour}.",
    "Handlingarna skickades med post den {date}.",
    "{Who} talar helst finska men klarar sig på svenska.",
]

SUBJECTS = [
    "{Thing}",
    "Fråga om {thing}",
    "{Thing} – {place}",
    "{Thing}: {issue}",
    "{Thing} på {street}",
    "Ansökan om {thing}",
    "Klagomål: {thing}",
    "{Thing} – {issue}",
    "Status för {thing}",
    "Hjälp med {thing}",
]

OPENINGS = {
    "call": [
        "{Who} ringer om {thing}.",
        "{Who} ringer och har frågor om {thing} i {place}.",
        "Samtalet gäller {thing} för fastigheten på {street}.",
        "{Who} hör av sig om {thing} och {issue}.",
        "{Who} ringer och vill veta mer om {thing}.",
        "Ärendet gäller {thing}; {who} upplever {issue}.",
    ],
    "written": [
        "{Who} skriver om {thing}.",
        "{Who} skriver om {thing} och bifogar {doc}.",
        "Mejl om {thing} för fastigheten på {street}.",
        "{Who} frågar via webbformuläret om {thing} i {place}.",
        "Ärendet gäller {thing}; {who} skriver om {issue}.",
    ],
    "visit": [
        "{Who} besöker kundcenter med frågor om {thing}.",
        "{Who} kommer till medborgarkontoret om {thing} i {place}.",
        "Besök om {thing}; {who} har med sig {doc}.",
    ],
}

ISSUES = [
    "lång handläggningstid",
    "fel belopp på fakturan",
    "saknad blankett",
    "inget besked",
    "otydligt beslut",
    "fel adress i registret",
    "dubbel debitering",
    "krånglig e-tjänst",
    "inloggning med BankID fungerar inte",
    "missat datum",
    "oklart vem som ansvarar",
    "överklagande av beslut",
    "byte av handläggare",
    "försenad utbetalning",
    "bristande information",
    "felaktig uppgift i beslutet",
    "önskemål om möte",
]

DOCUMENTS = [
    "ansökan",
    "blanketten",
    "kopia på fakturan",
    "läkarintyg",
    "ritningar",
    "situationsplan",
    "fullmakt",
    "hyreskontrakt",
    "lönebesked",
    "kontoutdrag",
    "foton",
    "kontrollplan",
    "verksamhetsberättelse",
]

WHO = {
    "general": ["kunden", "sökanden", "uppringaren", "den anhöriga", "hyresgästen"],
    "building": ["fastighetsägaren", "kunden", "sökanden", "byggherren", "grannen"],
    "school": ["vårdnadshavaren", "kunden", "föräldern", "eleven"],
    "social": ["kunden", "den anhöriga", "uppringaren", "hyresgästen"],
    "leisure": ["föreningens ordförande", "kunden", "ledaren"],
}

PLACES = [
    "centrum",
    "Norrvalla",
    "Morö Backe",
    "Ursviken",
    "Kåge",
    "Byske",
    "Burträsk",
    "Boliden",
    "Myckle",
    "Anderstorp",
    "Sunnanå",
    "Medle",
    "Kusmark",
    "Jörn",
    "Lövånger",
    "Bureå",
    "Skråmträsk",
    "Kalvträsk",
    "Drängsmark",
    "Ersmark",
    "Degerbyn",
    "Klutmark",
    "Varuträsk",
    "Kågeträsk",
]

STREETS = [
    "Storgatan",
    "Kanalgatan",
    "Trädgårdsgatan",
    "Nygatan",
    "Skolgatan",
    "Torget",
    "Strandvägen",
    "Björkvägen",
    "Tallvägen",
    "Granvägen",
    "Kyrkvägen",
    "Stationsgatan",
    "Lasarettsvägen",
    "Prästgatan",
    "Viktoriagatan",
    "Forsvägen",
    "Älvvägen",
    "Smedjegatan",
    "Rönnvägen",
    "Lärkvägen",
    "Ängsvägen",
    "Hagavägen",
    "Backvägen",
    "Sjövägen",
    "Idrottsvägen",
    "Bruksgatan",
]

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
DATE = "{day} {month}"
AMOUNT = "{amount} kronor"

SUMMARIES = {
    "call": [
        "Ringde om {thing}.",
        "Frågade om {thing}.",
        "{Who} ville ha besked om {thing}.",
        "Frågor om {thing} och {issue}.",
        "",
    ],
    "written": ["Mejl om {thing}.", "Webbformulär: {thing}.", "Skriftlig fråga om {thing}.", ""],
    "visit": ["Besök i kundcenter om {thing}.", "Besök om {thing} och {issue}.", ""],
}

RESOLUTIONS = [
    "Gav information om {thing} enligt checklistan.",
    "Hjälpte {who} att göra ansökan i e-tjänsten.",
    "Förklarade reglerna för {thing} och skickade länk till blanketten.",
    "Svarade på frågan med stöd av svarsstödet; {who} var nöjd.",
    "Bokade in {who} för ett besök hos handläggaren den {date}.",
    "Skickade information om {thing} per e-post.",
    "Registrerade felanmälan; åtgärdas inom {number} arbetsdagar.",
    "Kontrollerade uppgifterna i verksamhetssystemet och gav besked direkt.",
    "Hänvisade till webbplatsen och förklarade hur {doc} fylls i.",
]

FORWARD_REASONS = [
    "Handläggaren behöver svara i sak.",
    "Frågan om {thing} kräver bedömning av förvaltningen.",
    "Kundtjänsten har inte behörighet att se ärendet i fackssystemet.",
    "{Who} vill bli uppringd av en handläggare.",
    "Gäller {issue}; förvaltningen behöver kontrollera.",
    "Ingår inte i kundtjänstens uppdrag.",
]

CALL_BACKS = [
    "Ringde upp {who} och gick igenom {thing}.",
    "Återkopplade till {who} per telefon om {issue}.",
    "Ringde {who}: ärendet är klart och beslut skickas med post.",
    "Pratade med {who} om {thing}; kompletteringen kommer den {date}.",
    "Ringde upp och förklarade beslutet om {thing}.",
]

DEPARTMENT_RESOLUTIONS = [
    "Ärendet är avslutat efter samtal med {who}.",
    "Beslut om {thing} fattat och skickat.",
    "Felet är åtgärdat; {who} har fått besked.",
    "Rättelse gjord och ny faktura skickad.",
    "{Who} har fått svar och inga fler åtgärder behövs.",
]

WAITING = [
    "Inväntar {doc} från {who}.",
    "Väntar på att {who} skickar in kompletteringen.",
    "{Who} återkommer när {doc} finns.",
]

REPLIES = [
    "{Who} skickade in {doc}.",
    "Kompletteringen kom in per e-post.",
    "{Who} ringde tillbaka med de uppgifter som saknades.",
]

CONFIDENTIAL = [
    "Ärendet innehåller känsliga personuppgifter.",
    "Sekretessärende: uppgifter om hälsa och ekonomi.",
    "Omfattas av sekretess enligt offentlighets- och sekretesslagen.",
]

NOTES = [
    "Har sökt {who} utan att få svar; försöker igen i morgon.",
    "Kontaktat entreprenören och inväntar svar.",
    "Väntar på yttrande från grannen.",
    "Platsbesök bokat den {date}.",
    "Beslutet skickas när chefen har skrivit under.",
]


# The long tail: concrete things people mention, streets made of the local stems, and more
# sentences that name them. Rare words live here (a street that appears in ten cases).
OBJECTS = words(
    """
fönstren dörrarna taket balkongen garaget förrådet staketet häcken brevlådan cykelstället
soptunnan kompostgallret dagvattenbrunnen vattenmätaren elmätaren värmepumpen pelletspannan
skorstenen takrännan altandäcket trappan hissen tvättstugan parkeringsplatsen laddstolpen
uthuset bastun bryggan båthuset poolen växthuset lekstugan flaggstången muren infarten
busskuren övergångsstället farthindret rondellen snövallen gruset asfalten trottoarkanten
lyktstolpen papperskorgen hundlatrinen gungorna sandlådan rutschkanan fotbollsplanen
omklädningsrummet matsalen skolgården klätterställningen cykelbanan hållplatsen taxin
rullstolen rullatorn hörapparaten trygghetslarmet medicinerna matlådorna nyckelgömman
dörröppnaren rampen badrummet duschstolen spisen kylskåpet diskmaskinen tvättmaskinen
elementen ventilationen radonmätningen mögelfläckarna fuktmätningen termostaten säkringarna
jordfelsbrytaren bredbandet fiberanslutningen hyresavin kvittot räkningen påminnelsen
inkassokravet avbetalningsplanen gästparkeringen återvinningsstationen glasigloon
"""
)
STREETS += [
    stem + suffix
    for stem in words(
        """
    Björk Tall Gran Rönn Ek Asp Lind Sälg Hassel Vide Sipp Blåbärs Lingon Hjortron Älg Räv
    Hök Orre Tjäder Trast Myr Tjärn Fors Malm Smeds Kvarn Såg Hamn Fiskar Nybygge Lots
    """
    )
    for suffix in ("vägen", "gatan", "stigen", "gränd")
]
GENERAL_DETAILS += [
    "Det gäller också {object} på {street}.",
    "{Who} har pratat med {name} om {object} tidigare.",
    "Enligt {who} är {object} trasig sedan {date}.",
    "Handläggaren {name} har lovat att titta på {object}.",
    "{Who} skickade foton på {object} den {date}.",
    "Grannen {name} på {street} har samma problem med {object}.",
]

OBJECTS += words(
    """
ytterdörren källaren vinden garderoben köksfläkten avloppsröret golvbrunnen kakelugnen
vedspisen oljepannan fjärrvärmen bergvärmen solpanelerna batteriet elbilen husbilen
släpvagnen snöskotern traktorn gräsklipparen lövblåsen motorsågen kompressorn byggställningen
containern skylift grävmaskinen dumpern hjullastaren betongblandaren fasadputsen
takpannorna plåttaket tegelmuren stenmuren grindstolpen postlådan ringklockan porttelefonen
kodlåset nyckelbrickan soprummet cykelförrådet skyddsrummet tvättlinan mattpiskställningen
barnvagnsförrådet
"""
)
GENERAL_DETAILS += [
    "Arbetet gäller {object} och beräknas ta {number} veckor.",
    "Hyresvärden har inte åtgärdat {object} trots flera påminnelser.",
    "{Who} är orolig för att {object} ska frysa sönder i vinter.",
    "Entreprenören har ställt {object} på trottoaren utanför {street}.",
    "{Who} har en offert på {amount} för {object}.",
    "Försäkringsbolaget vill ha ett intyg om {object}.",
    "{Who} undrar vem som äger {object} vid tomtgränsen.",
    "Sotaren anmärkte på {object} vid senaste besöket.",
    "Föreningen lånar {object} av kommunen varje sommar.",
    "Det luktar bränt från {object} i trapphuset.",
    "Snöplogen skadade {object} natten till {weekday}.",
    "{Who} hyr ut {object} och undrar om det kräver tillstånd.",
]
