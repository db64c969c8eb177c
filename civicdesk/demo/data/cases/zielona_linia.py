"""Zielona Linia's demo cases: the central office answers job seekers and employers and
passes what only a labour office can settle to the PAK consultants of that office."""

ZIELONA_LINIA_CASES = [
    {
        "subject": "Szukam pracy jako magazynier w Warszawie",
        "case_type": "oferty-pracy",
        "channel": "phone",
        "customer": "Jan Wiśniewski",
        "agent": "agent",
        "description": "Klient szuka pracy na magazynie w Warszawie lub okolicach, ma "
        "uprawnienia na wózki widłowe.",
        "summary": "Pytał, jak wyszukać oferty pracy dla magazyniera.",
        "duration": 170,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Pokazałem wyszukiwarkę ofert w Centralnej Bazie Ofert Pracy i "
                "ustawiliśmy powiadomienia e-mail o nowych ofertach.",
            }
        ],
    },
    {
        "subject": "Rejestracja jako osoba bezrobotna przez praca.gov.pl",
        "case_type": "rejestracja-bezrobotnego",
        "channel": "phone",
        "customer": "Anna Kowalska",
        "agent": "agent",
        "description": "Klientka straciła pracę z końcem miesiąca i chce zarejestrować się "
        "w urzędzie pracy bez wizyty osobistej.",
        "summary": "Pytała o rejestrację elektroniczną w urzędzie pracy.",
        "duration": 230,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Omówiłem wniosek o rejestrację na praca.gov.pl i listę dokumentów; "
                "klientka złoży wniosek z profilem zaufanym.",
            }
        ],
    },
    {
        "subject": "Komu przysługuje zasiłek dla bezrobotnych?",
        "case_type": "zasilek-dla-bezrobotnych",
        "channel": "phone",
        "customer": None,
        "agent": "agent",
        "description": "Anonimowy rozmówca pyta, czy dostanie zasiłek po umowie zleceniu "
        "i jak długo się go pobiera.",
        "summary": "Anonimowe pytanie o prawo do zasiłku dla bezrobotnych.",
        "duration": 260,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Wyjaśniłem warunek 365 dni składek w ostatnich 18 miesiącach i okres "
                "pobierania zasiłku zależny od stopy bezrobocia w powiecie.",
            }
        ],
    },
    {
        "subject": "Szkolenie na operatora wózka widłowego dofinansowane z UE",
        "case_type": "szkolenia-ue",
        "channel": "email",
        "customer": "Małgorzata Lewandowska",
        "agent": "agent",
        "description": "Klientka chce zdobyć uprawnienia UDT i pyta o bezpłatne szkolenia "
        "w województwie podlaskim.",
        "summary": "E-mail z pytaniem o szkolenie z funduszy UE.",
        "duration": 0,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Przesłałem listę szkoleń dofinansowanych z Europejskiego Funduszu "
                "Społecznego i kontakt do doradcy zawodowego w PUP.",
            }
        ],
    },
    {
        "subject": "Staż dla osoby do 30. roku życia – jak się zgłosić?",
        "case_type": "oferty-pracy",
        "channel": "chat",
        "customer": "Zofia Mazur",
        "agent": "agent",
        "description": "Absolwentka technikum pyta o staż u pracodawcy i czy otrzyma "
        "stypendium stażowe.",
        "summary": "Czat o stażu dla młodych bezrobotnych.",
        "duration": 310,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Wyjaśniłem zasady stażu i stypendium; klientka zapisze się na "
                "spotkanie z doradcą klienta w swoim urzędzie.",
            }
        ],
    },
    {
        "subject": "Oferta pracy od pracodawcy: stolarz meblowy",
        "case_type": "zgloszenie-oferty-pracy",
        "channel": "phone",
        "customer": "Stolarstwo Kaczmarek Sp. z o.o.",
        "agent": "specialist",
        "description": "Zakład stolarski zatrudni dwóch stolarzy meblowych na pełny etat, "
        "umowa o pracę, praca w Krakowie.",
        "summary": "Pracodawca chce zgłosić ofertę pracy.",
        "duration": 280,
        "then": [
            {
                "do": "resolve",
                "by": "specialist",
                "text": "Pomogłem wypełnić formularz zgłoszenia oferty pracy na praca.gov.pl; "
                "oferta trafi do urzędu pracy w Krakowie.",
            }
        ],
    },
    {
        "subject": "Nie mogę zalogować się do praca.gov.pl",
        "case_type": "portale-pomoc-techniczna",
        "channel": "phone",
        "customer": "Krzysztof Dąbrowski",
        "agent": "agent",
        "description": "Po zmianie numeru telefonu klient nie dostaje kodu SMS przy "
        "logowaniu na portal.",
        "summary": "Problem z logowaniem do praca.gov.pl.",
        "duration": 200,
        "then": [
            {
                "do": "resolve",
                "by": "agent",
                "text": "Klient zalogował się profilem zaufanym i zaktualizował numer "
                "telefonu w ustawieniach konta.",
            }
        ],
    },
    {
        "subject": "Dotacja na rozpoczęcie działalności – salon fryzjerski",
        "days_ago": 10,
        "case_type": "dotacja-dzialalnosc",
        "channel": "phone",
        "customer": "Zofia Mazur",
        "agent": "agent",
        "description": "Klientka chce otworzyć salon fryzjerski na Pradze i pyta o termin "
        "naboru wniosków o dotację w urzędzie pracy.",
        "summary": "Pytała o nabór wniosków o dotację.",
        "duration": 250,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "pak-warszawa",
                "text": "Urząd Pracy m.st. Warszawy zna termin naboru i limit środków.",
            }
        ],
    },
    {
        "subject": "Czy zostałem zakwalifikowany na szkolenie spawacza?",
        "case_type": "kwalifikacja-na-szkolenie",
        "channel": "phone",
        "customer": "Jan Wiśniewski",
        "agent": "agent",
        "description": "Klient złożył wniosek o skierowanie na szkolenie spawacza metodą MAG "
        "w Grodzkim Urzędzie Pracy w Krakowie miesiąc temu.",
        "summary": "Pytał o wynik kwalifikacji na szkolenie.",
        "duration": 150,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "pak-krakow",
                "text": "Tylko urząd w Krakowie widzi listę zakwalifikowanych.",
            },
            {"do": "take", "by": "pak.krakow"},
            {
                "do": "call_back",
                "by": "pak.krakow",
                "text": "Oddzwoniłam: klient jest na liście, szkolenie rusza 3 marca, "
                "skierowanie do odbioru w pokoju 12.",
                "duration": 190,
            },
            {
                "do": "resolve",
                "by": "pak.krakow",
                "text": "Klient poinformowany o zakwalifikowaniu na szkolenie.",
            },
        ],
    },
    {
        "subject": "Stan rozpatrzenia wniosku o zwrot kosztów dojazdu",
        "case_type": "stan-sprawy-w-urzedzie",
        "channel": "phone",
        "customer": "Małgorzata Lewandowska",
        "agent": "agent",
        "description": "Klientka złożyła w PUP w Białymstoku wniosek o zwrot kosztów dojazdu "
        "na staż i nie otrzymała decyzji.",
        "summary": "Pytała o stan sprawy w urzędzie pracy.",
        "duration": 140,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "pak-bialystok",
                "text": "Konsultant PAK sprawdzi wniosek w systemie urzędu.",
            },
            {"do": "take", "by": "pak.bialystok"},
            {
                "do": "call_back",
                "by": "pak.bialystok",
                "text": "Oddzwoniłem: decyzja została wydana, zwrot kosztów dojazdu wpłynie "
                "na konto do 10. dnia miesiąca.",
                "duration": 120,
            },
            {
                "do": "resolve",
                "by": "pak.bialystok",
                "text": "Przekazano informację o decyzji i terminie wypłaty.",
            },
            {"do": "close", "by": "pak.bialystok"},
        ],
    },
    {
        "subject": "Refundacja kosztów wyposażenia stanowiska pracy dla magazyniera",
        "days_ago": 10,
        "case_type": "refundacja-stanowiska-pracy",
        "channel": "email",
        "customer": "Podlaskie Centrum Logistyczne S.A.",
        "agent": "specialist",
        "description": "Pracodawca chce utworzyć dwa stanowiska pracy dla osób bezrobotnych "
        "i pyta o wysokość refundacji oraz wymagane zabezpieczenie.",
        "summary": "E-mail pracodawcy w sprawie refundacji.",
        "duration": 0,
        "then": [
            {
                "do": "forward",
                "by": "specialist",
                "group": "pak-warszawa",
                "text": "Refundację przyznaje urząd pracy; potrzebna rozmowa z doradcą.",
            },
            {"do": "take", "by": "expert"},
            {
                "do": "note",
                "by": "expert",
                "text": "Wysłano pracodawcy wzór wniosku; czekamy na termin rozmowy.",
            },
        ],
    },
    {
        "subject": "Utrata statusu bezrobotnego z powodu choroby",
        "case_type": "zasilek-dla-bezrobotnych",
        "channel": "phone",
        "customer": "Anna Kowalska",
        "agent": "agent",
        "description": "Klientka była w szpitalu i nie stawiła się na wyznaczoną wizytę; "
        "pyta, czy zachowa zasiłek, i przekazuje informacje o stanie zdrowia.",
        "summary": "Pytanie o zasiłek po nieobecności z powodu choroby.",
        "duration": 340,
        "then": [
            {
                "do": "confidential",
                "by": "agent",
                "text": "Rozmowa zawiera dane o stanie zdrowia klientki.",
            },
            {
                "do": "forward",
                "by": "agent",
                "group": "pak-warszawa",
                "text": "Urząd musi ocenić zwolnienie lekarskie; sprawa poufna.",
            },
        ],
    },
    {
        "subject": "Praca sezonowa w Niemczech przez EURES",
        "case_type": "eures-praca-za-granica",
        "channel": "email",
        "customer": "Olena Shevchenko",
        "agent": "agent",
        "description": "Klientka szuka pracy sezonowej przy zbiorach w Niemczech i pyta o "
        "rekrutacje EURES.",
        "summary": "E-mail w sprawie rekrutacji EURES.",
        "duration": 0,
        "then": [
            {
                "do": "wait",
                "by": "agent",
                "text": "Czekamy na CV klientki w języku niemieckim, aby przekazać je "
                "doradcy EURES.",
            }
        ],
    },
    {
        "subject": "Przełożenie wizyty w PUP Białystok",
        "case_type": "zmiana-terminu-wizyty",
        "channel": "phone",
        "customer": "Krzysztof Dąbrowski",
        "agent": "agent",
        "description": "Klient nie może przyjść na wizytę 12 marca z powodu rozmowy "
        "kwalifikacyjnej i prosi o nowy termin.",
        "summary": "Prośba o zmianę terminu wizyty.",
        "duration": 110,
        "then": [
            {
                "do": "forward",
                "by": "agent",
                "group": "pak-bialystok",
                "text": "Nowy termin wyznacza doradca klienta w Białymstoku.",
            }
        ],
    },
    {
        "subject": "Selekcja kandydatów: 12 magazynierów na zmiany",
        "case_type": "selekcja-rekrutacja",
        "channel": "phone",
        "customer": "Podlaskie Centrum Logistyczne S.A.",
        "agent": "specialist",
        "description": "Pracodawca prosi o wstępną selekcję kandydatów do pracy zmianowej "
        "w nowym centrum logistycznym.",
        "summary": "Pracodawca pyta o pomoc w rekrutacji.",
        "duration": 290,
        "then": [
            {
                "do": "forward",
                "by": "specialist",
                "group": "pracodawcy",
                "text": "Zespół ds. pracodawców przygotuje giełdę pracy.",
            },
            {"do": "take", "by": "specialist"},
            {
                "do": "call_back",
                "by": "specialist",
                "text": "Ustaliliśmy giełdę pracy w PUP Białystok 20 marca i wymagania "
                "wobec kandydatów.",
                "duration": 420,
            },
            {
                "do": "resolve",
                "by": "specialist",
                "text": "Giełda pracy zorganizowana; pracodawca dostał potwierdzenie.",
            },
        ],
    },
]
