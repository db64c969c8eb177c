"""ASPA Kauhajoki's demo cases: palveluneuvojat serve most customers at the counter and ask
the producer's tukipalvelu when they cannot complete a service."""

ASPA_KAUHAJOKI_CASES = [
    {
        "subject": "Verokortin muutos uuden työpaikan vuoksi",
        "case_type": "verokortti",
        "channel": "visit",
        "service_point": "kauhajoki",
        "customer": "Aino Korhonen",
        "agent": "agent",
        "description": "Asiakas aloittaa uudessa työpaikassa ja tulot nousevat; hän haluaa "
        "muutosverokortin ennen ensimmäistä palkanmaksua.",
        "summary": "Asiakas tarvitsi muutosverokortin.",
        "duration": 420,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Ohjasin asiakkaan OmaVeroon asiakaspäätteellä; uusi verokortti "
                "tulostettiin ja toimitetaan työnantajalle.",
            }
        ],
    },
    {
        "subject": "Yleisen asumistuen hakemus paperilomakkeella",
        "case_type": "asumistuki-hakemus",
        "channel": "visit",
        "service_point": "kauhajoki",
        "customer": "Matti Hämäläinen",
        "agent": "agent",
        "description": "Asiakas muutti vuokra-asuntoon Kauhajoen keskustaan eikä käytä "
        "verkkopalveluja.",
        "summary": "Asumistukihakemus täytettiin yhdessä.",
        "duration": 640,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Täytimme hakemuksen yhdessä, vuokrasopimus ja tiliotteet "
                "skannattiin ja lähetettiin Kelaan.",
            },
            {"do": "close", "by": "agent"},
        ],
    },
    {
        "subject": "Passin hakeminen ja valokuvan toimittaminen",
        "case_type": "passihakemus",
        "channel": "phone",
        "customer": None,
        "agent": "agent",
        "description": "Nimetön soittaja kysyy, voiko passia hakea verkossa ja mistä saa "
        "passikuvan.",
        "summary": "Nimetön kysely passihakemuksesta.",
        "duration": 150,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Neuvoin hakemaan passia poliisin verkkopalvelussa; valokuvaamo "
                "toimittaa kuvan sähköisesti kuvatunnuksella.",
            }
        ],
    },
    {
        "subject": "Työnhakijaksi ilmoittautuminen irtisanomisen jälkeen",
        "case_type": "tyonhakijaksi-ilmoittautuminen",
        "channel": "visit",
        "service_point": "teuva",
        "customer": "Tuomas Koski",
        "agent": "agent",
        "description": "Asiakas on irtisanottu tuotannollisista syistä ja haluaa "
        "ilmoittautua työnhakijaksi heti.",
        "summary": "Ilmoittautuminen TE-palveluiden verkkopalvelussa.",
        "duration": 510,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Ilmoittautuminen tehtiin Oma asiointi -palvelussa asiakaspäätteellä; "
                "asiakas sai ajan alkuhaastatteluun.",
            }
        ],
    },
    {
        "subject": "Palkkatodistuksen toimittaminen Kelaan",
        "case_type": "liitteiden-toimitus-kelaan",
        "channel": "visit",
        "service_point": "kauhajoki",
        "customer": "Liisa Ojanperä",
        "agent": "agent",
        "description": "Kela pyysi lisäselvityksenä palkkatodistuksen kolmelta kuukaudelta.",
        "summary": "Liitteiden skannaus Kelaan.",
        "duration": 300,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Palkkatodistus skannattiin ja liitettiin Kelan hakemukseen; "
                "asiakas sai kuittauksen.",
            }
        ],
    },
    {
        "subject": "Kiinteistörekisteriote tontin kauppaa varten",
        "case_type": "kiinteistorekisteriote",
        "channel": "phone",
        "customer": "Suupohjan Rakennus Oy",
        "agent": "specialist",
        "description": "Rakennusliike ostaa omakotitontin Kauhajoen Aronkylästä ja tarvitsee "
        "kiinteistörekisteriotteen ja lainhuutotodistuksen.",
        "summary": "Yritys tarvitsi otteet kaupantekoon.",
        "duration": 260,
        "then": [
            {
                "do": "resolve",
                "by": "specialist",
                "text": "Tilasin otteet Maanmittauslaitoksen palvelusta; ne lähetettiin "
                "yrityksen sähköpostiin.",
            }
        ],
    },
    {
        "subject": "Esitäytetyn veroilmoituksen korjaus: kotitalousvähennys",
        "case_type": "veroilmoituksen-korjaus",
        "channel": "phone",
        "customer": "Johannes Sjöberg",
        "agent": "agent",
        "description": "Asiakas teetti kattoremontin ja kotitalousvähennys puuttuu "
        "esitäytetystä veroilmoituksesta. Asiakas asioi mieluiten ruotsiksi.",
        "summary": "Kysyi kotitalousvähennyksen lisäämisestä.",
        "duration": 330,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "vero-tuki",
                "text": "Verohallinnon tukipalvelu neuvoo ruotsiksi ja tarkistaa laskut.",
            }
        ],
    },
    {
        "subject": "Lainhuudon hakeminen perinnönjaon jälkeen",
        "case_type": "lainhuuto",
        "channel": "visit",
        "service_point": "kauhajoki",
        "customer": "Eeva Mäki-Jaakkola",
        "agent": "agent",
        "description": "Asiakas peri metsätilan ja tarvitsee lainhuudon perinnönjakokirjan "
        "perusteella.",
        "summary": "Kysyi lainhuudon hakemisesta perinnöstä.",
        "duration": 380,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "mml-tuki",
                "text": "Maanmittauslaitoksen tukipalvelu tarkistaa tarvittavat liitteet.",
            },
            {"do": "take", "by": "expert"},
            {
                "do": "call_back",
                "by": "expert",
                "text": "Soitin asiakkaalle: tarvitaan perukirja ja perinnönjakokirja "
                "oikeaksi todistettuina.",
                "duration": 240,
            },
            {
                "do": "resolve",
                "by": "expert",
                "text": "Asiakas lähettää liitteet; lainhuutohakemus voidaan tehdä "
                "verkkopalvelussa.",
            },
        ],
    },
    {
        "subject": "Starttirahan hakeminen omaan yritykseen",
        "case_type": "starttiraha",
        "channel": "phone",
        "customer": "Tuomas Koski",
        "agent": "agent",
        "description": "Asiakas aikoo perustaa kuljetusyrityksen ja kysyy starttirahan "
        "edellytyksistä.",
        "summary": "Kysyi starttirahasta.",
        "duration": 270,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "te-tuki",
                "text": "Yritysasiantuntijan arvio liiketoimintasuunnitelmasta tarvitaan.",
            },
            {"do": "take", "by": "expert"},
            {
                "do": "call_back",
                "by": "expert",
                "text": "Soitin asiakkaalle ja kävimme läpi liiketoimintasuunnitelman ja "
                "rahoituslaskelman vaatimukset.",
                "duration": 600,
            },
            {
                "do": "resolve",
                "by": "expert",
                "text": "Asiakas jättää starttirahahakemuksen verkossa ennen yrityksen "
                "aloittamista.",
            },
            {"do": "close", "by": "expert"},
        ],
    },
    {
        "subject": "Perustoimeentulotuki: vuokran maksaminen",
        "case_type": "perustoimeentulotuki",
        "channel": "visit",
        "service_point": "kauhajoki",
        "customer": "Liisa Ojanperä",
        "agent": "agent",
        "description": "Asiakkaan työttömyysetuus viivästyy eikä hän pysty maksamaan "
        "vuokraa tässä kuussa.",
        "summary": "Asiakas tarvitsi apua toimeentulotukeen.",
        "duration": 450,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "kela-tuki",
                "text": "Salassa pidettävä asia: Kelan tukipalvelu ottaa yhteyttä asiakkaaseen.",
            }
        ],
    },
    {
        "subject": "Kaupungin vuokra-asunnon hakemus – liitteet puuttuvat",
        "case_type": "vuokra-asuntohakemus",
        "channel": "email",
        "customer": "Matti Hämäläinen",
        "agent": "agent",
        "description": "Asiakas haluaa kaksion kaupungin vuokra-asunnoista, mutta "
        "tuloselvitys puuttuu hakemuksesta.",
        "summary": "Sähköposti vuokra-asuntohakemuksesta.",
        "duration": 0,
        "then": [
            {
                "do": "wait",
                "by": "agent",
                "text": "Odotetaan asiakkaan tuloselvitystä ennen kuin hakemus käsitellään.",
            }
        ],
    },
    {
        "subject": "Aselupa hirvenmetsästykseen",
        "days_ago": 10,
        "case_type": "aselupa",
        "channel": "phone",
        "customer": "Matti Hämäläinen",
        "agent": "agent",
        "description": "Asiakas on suorittanut metsästäjätutkinnon ja hakee aselupaa "
        "kivääriin hirvenmetsästystä varten.",
        "summary": "Kysyi aseluvan hakemisesta.",
        "duration": 220,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "poliisi-tuki",
                "text": "Aselupa ei kuulu yhteispalvelun sopimukseen; poliisi haastattelee.",
            },
            {"do": "take", "by": "poliisi"},
            {
                "do": "note",
                "by": "poliisi",
                "text": "Haastatteluaika varattu Seinäjoen poliisiasemalle.",
            },
        ],
    },
    {
        "subject": "Henkilökortti alaikäiselle lapselle",
        "case_type": "henkilokorttihakemus",
        "channel": "remote",
        "service_point": "teuva",
        "customer": "Aino Korhonen",
        "agent": "specialist",
        "description": "Asiakas hakee henkilökorttia 10-vuotiaalle lapselleen etäpalvelussa.",
        "summary": "Etäpalvelu: henkilökorttihakemus lapselle.",
        "duration": 540,
        "then": [
            {
                "do": "resolve",
                "by": "specialist",
                "text": "Huoltajan suostumus ja henkilöllisyys tarkistettiin etäyhteydellä; "
                "hakemus on vireillä poliisilla.",
            }
        ],
    },
    {
        "subject": "Arvonlisäveron palautus kuljetusyritykselle",
        "days_ago": 10,
        "case_type": "veroilmoituksen-korjaus",
        "channel": "email",
        "customer": "Kauhajoen Kuljetus Ky",
        "agent": "specialist",
        "description": "Yritys kysyy, miksi arvonlisäveron palautus on viivästynyt ja pitääkö "
        "kausi-ilmoitusta korjata.",
        "summary": "Sähköposti arvonlisäveron palautuksesta.",
        "duration": 0,
        "then": [
            {
                "do": "forward",
                "by": "specialist",
                "group": "vero-tuki",
                "text": "Verohallinto näkee yrityksen kausi-ilmoitukset.",
            }
        ],
    },
]
