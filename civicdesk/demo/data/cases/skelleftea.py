"""Skellefteå kommun's demo cases: kundtjänst answers most calls with its checklists and
forwards the rest to the förvaltningar's svarsgrupper; social matters are sekretessärenden."""

SKELLEFTEA_CASES = [
    {
        "subject": "Byte till fyrfackskärl för sophämtning",
        "case_type": "sophamtning",
        "channel": "phone",
        "customer": "Elsa Lindgren",
        "agent": "agent",
        "description": "Villaägare på Norrvalla vill byta från två kärl till fyrfackskärl och "
        "undrar vad det kostar per år.",
        "summary": "Ringde om abonnemangsbyte för sophämtning.",
        "duration": 140,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Gick igenom taxan enligt checklistan för avfall och gjorde beställningen "
                "i e-tjänsten tillsammans med kunden. Nya kärl levereras inom tre veckor.",
            }
        ],
    },
    {
        "subject": "Kötid för förskoleplats i Morö Backe",
        "case_type": "forskoleplats",
        "channel": "phone",
        "customer": "Nils Granström",
        "agent": "agent",
        "description": "Familjen flyttar till Morö Backe i augusti och behöver förskoleplats "
        "för sin dotter som fyller två år.",
        "summary": "Frågade om kötid och hur man ansöker om förskoleplats.",
        "duration": 190,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Förklarade att kötiden är fyra månader och att ansökan görs i "
                "e-tjänsten för förskola. Kunden ansökte under samtalet.",
            }
        ],
    },
    {
        "subject": "Trasig gatubelysning på Storgatan vid busshållplatsen",
        "case_type": "felanmalan-gata",
        "channel": "phone",
        "customer": None,
        "agent": "agent",
        "description": "Tre gatlampor är släckta mellan Storgatan 40 och busshållplatsen "
        "Nygatan. Det är mörkt på morgonen när barnen går till skolan.",
        "summary": "Anonym uppringare felanmälde gatubelysning.",
        "duration": 95,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Felanmälan registrerad i driftens system; belysningen åtgärdas inom "
                "fem arbetsdagar.",
            }
        ],
    },
    {
        "subject": "Boka Kågehallen för innebandyturnering",
        "case_type": "lokalbokning",
        "channel": "web_form",
        "customer": "Oskar Wikström",
        "agent": "agent",
        "description": "Föreningen vill boka Kågehallen lördag den 14 mars kl. 9–17 för en "
        "innebandyturnering för ungdomar.",
        "summary": "Bokningsförfrågan via webbformuläret.",
        "duration": 0,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Hallen var ledig; bokningen är gjord och bekräftelse skickad per "
                "e-post med fakturaadress.",
            },
            {"do": "close", "by": "agent"},
        ],
    },
    {
        "subject": "Skolskjuts efter flytt till Kusmark",
        "case_type": "skolskjuts",
        "channel": "phone",
        "customer": "Astrid Boström",
        "agent": "agent",
        "description": "Barnen börjar på Kusmarks skola efter flytten. Avståndet till skolan "
        "är sex kilometer.",
        "summary": "Frågade om rätt till skolskjuts efter flytt.",
        "duration": 165,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Avståndet ger rätt till skolskjuts. Ansökan gjord i e-tjänsten; "
                "turlistan skickas hem innan terminsstart.",
            }
        ],
    },
    {
        "subject": "Behövs bygglov för attefallshus på 25 kvadratmeter?",
        "case_type": "bygglov-fragor",
        "channel": "email",
        "customer": "Skellefteå Trä och Bygg AB",
        "agent": "specialist",
        "description": "Byggföretaget ska uppföra ett attefallshus åt en kund i Ursviken och "
        "frågar om det räcker med en anmälan.",
        "summary": "E-post från byggföretaget om attefallshus.",
        "duration": 0,
        "then": [
            {
                "do": "resolve",
                "by": "specialist",
                "text": "Svarat att attefallshus på högst 30 kvadratmeter kräver anmälan och "
                "startbesked men inte bygglov; länkat till blanketten.",
            }
        ],
    },
    {
        "subject": "Status för bygglovsansökan – ombyggnad Kanalgatan 12",
        "days_ago": 10,
        "case_type": "bygglov-status",
        "channel": "phone",
        "customer": "Norrlands Fastighetsservice AB",
        "agent": "specialist",
        "description": "Fastighetsbolaget lämnade in komplettering för tre veckor sedan och har "
        "inte fått besked om när ansökan prövas.",
        "summary": "Ringde och frågade om status för bygglovsansökan.",
        "duration": 210,
        "then": [
            {
                "do": "forward",
                "by": "specialist",
                "group": "bygglov",
                "text": "Handläggaren behöver svara om kompletteringen är fullständig.",
            }
        ],
    },
    {
        "subject": "Buller från byggarbetsplats nattetid på Trädgårdsgatan",
        "days_ago": 10,
        "case_type": "buller-storningar",
        "channel": "phone",
        "customer": "Elsa Lindgren",
        "agent": "agent",
        "description": "Pålning pågår efter klockan 22 flera kvällar i rad. Kunden bor i "
        "huset bredvid och har små barn.",
        "summary": "Klagomål på buller från byggarbetsplats.",
        "duration": 240,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "bygglov",
                "text": "Miljöinspektör behöver bedöma om tillåtna arbetstider överskrids.",
            },
            {"do": "take", "by": "expert"},
            {
                "do": "note",
                "by": "expert",
                "text": "Kontaktat entreprenören, som ska visa sitt kontrollprogram för "
                "buller. Inväntar svar innan återkoppling till kunden.",
            },
        ],
    },
    {
        "subject": "Anslutning till kommunalt vatten och avlopp i Myckle",
        "case_type": "vatten-avlopp-anslutning",
        "channel": "phone",
        "customer": "Oskar Wikström",
        "agent": "agent",
        "description": "Kunden har köpt en tomt i Myckle och vill veta om den kan anslutas "
        "till kommunalt vatten och avlopp och vad anslutningsavgiften blir.",
        "summary": "Frågade om anslutning till VA för ny tomt.",
        "duration": 180,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "gata-vatten-avfall",
                "text": "VA-ingenjör behöver kontrollera om tomten ligger inom verksamhetsområdet.",
            },
            {"do": "take", "by": "expert"},
            {
                "do": "call_back",
                "by": "expert",
                "text": "Ringde upp kunden: tomten ligger inom verksamhetsområdet, "
                "förbindelsepunkt finns vid tomtgränsen.",
                "duration": 300,
            },
            {
                "do": "resolve",
                "by": "expert",
                "text": "Skickat ansökan om anslutning och gällande VA-taxa till kunden.",
            },
        ],
    },
    {
        "subject": "Fel avgift på fakturan för fritidshem",
        "case_type": "barnomsorgsavgift",
        "channel": "email",
        "customer": "Nils Granström",
        "agent": "agent",
        "description": "Fakturan för februari bygger på fel inkomstuppgift; familjen anmälde "
        "ny inkomst i januari.",
        "summary": "E-post om felaktig avgift för fritidshem.",
        "duration": 0,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "forskola-skola",
                "text": "Avgiftshandläggare behöver kontrollera inkomstuppgiften.",
            },
            {"do": "take", "by": "expert"},
            {
                "do": "call_back",
                "by": "expert",
                "text": "Ringde kunden: inkomstuppgiften var inte registrerad. Ny faktura "
                "skickas och mellanskillnaden krediteras.",
                "duration": 260,
            },
            {
                "do": "resolve",
                "by": "expert",
                "text": "Avgiften rättad från februari; kreditfaktura skickad.",
            },
            {"do": "close", "by": "expert"},
        ],
    },
    {
        "subject": "Ansökan om ekonomiskt bistånd efter uppsägning",
        "case_type": "ekonomiskt-bistand",
        "channel": "phone",
        "customer": "Agnieszka Nowak",
        "agent": "agent",
        "description": "Kunden har blivit uppsagd och väntar på besked från a-kassan. Hon "
        "behöver hjälp med hyran för nästa månad.",
        "summary": "Frågade hur man ansöker om ekonomiskt bistånd.",
        "duration": 320,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "socialtjanst",
                "text": "Sekretessärende: socialsekreterare behöver boka ett första samtal.",
            }
        ],
    },
    {
        "subject": "Orosanmälan om barn i grannfamilj",
        "case_type": "orosanmalan",
        "channel": "phone",
        "customer": None,
        "agent": "agent",
        "description": "Uppringaren vill vara anonym och oroar sig för ett barn i grannhuset "
        "som ofta är ensamt hemma sent på kvällen.",
        "summary": "Anonym uppringare gjorde en orosanmälan.",
        "duration": 410,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "socialtjanst",
                "text": "Orosanmälan ska bedömas av socialtjänsten samma dag.",
            },
            {"do": "take", "by": "social"},
            {
                "do": "note",
                "by": "social",
                "text": "Skyddsbedömning gjord; förhandsbedömning inleds.",
            },
        ],
    },
    {
        "subject": "Föreningsbidrag för ungdomsverksamhet",
        "case_type": "foreningsbidrag",
        "channel": "email",
        "customer": "Astrid Boström",
        "agent": "agent",
        "description": "Kunden är ordförande i Kågeträsk IF och vill söka aktivitetsbidrag "
        "för föreningens ungdomsverksamhet.",
        "summary": "E-post om ansökan om föreningsbidrag.",
        "duration": 0,
        "then": [
            {
                "do": "wait",
                "by": "agent",
                "text": "Inväntar verksamhetsberättelse och årsredovisning från föreningen "
                "innan ansökan kan lämnas vidare.",
            }
        ],
    },
    {
        "subject": "Strandskyddsdispens för brygga vid Kvarnbäcken",
        "case_type": "strandskyddsdispens",
        "channel": "phone",
        "customer": "Aino Koskinen",
        "agent": "agent",
        "description": "Kunden vill bygga en brygga på sin fritidstomt vid Kvarnbäcken och "
        "undrar om det krävs dispens från strandskyddet.",
        "summary": "Frågade om strandskydd för brygga.",
        "duration": 230,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "bygglov",
                "text": "Strandskyddsdispens ingår inte i kundtjänstens uppdrag; "
                "miljöförvaltningen prövar ansökan.",
            }
        ],
    },
    {
        "subject": "Blankett för ansökan om färdtjänst",
        "case_type": "fardtjanst",
        "channel": "visit",
        "service_point": "medborgarkontor-burtrask",
        "customer": "Nils Granström",
        "agent": "agent",
        "description": "Kunden besökte medborgarkontoret för sin mors räkning och ville ha "
        "hjälp med blanketten för färdtjänst.",
        "summary": "Besök på medborgarkontoret om färdtjänst.",
        "duration": 480,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Hjälpte till att fylla i blanketten och läkarintyget bifogades; "
                "ansökan lämnad till socialtjänsten.",
            }
        ],
    },
]
