"""Polish: the employment-service helpline (job seekers, benefits, training, employers, the
portals) and the labour offices behind it."""

from civicdesk.demo.data.phrases.words import words

THINGS = {
    "jobs": [
        "oferty pracy",
        "rejestracja jako osoba bezrobotna",
        "szukam pracy",
        "status osoby poszukującej pracy",
        "praca sezonowa",
        "staż",
        "praca za granicą przez EURES",
        "wyrejestrowanie z urzędu pracy",
        "giełda pracy",
        "targi pracy",
        "praca dla osób z niepełnosprawnością",
        "profil pomocy",
        "indywidualny plan działania",
        "doradztwo zawodowe",
        "praca zdalna",
        "ubezpieczenie zdrowotne bezrobotnego",
        "prace interwencyjne",
        "roboty publiczne",
        "bon na zasiedlenie",
        "praca w Niemczech",
        "praca w Holandii",
    ],
    "benefits": [
        "zasiłek dla bezrobotnych",
        "wysokość zasiłku",
        "dodatek aktywizacyjny",
        "stypendium stażowe",
        "zwrot kosztów dojazdu",
        "zasiłek po umowie zleceniu",
        "wypłata zasiłku",
        "okres pobierania zasiłku",
        "świadczenie przedemerytalne",
        "zaświadczenie o okresie pobierania zasiłku",
        "utrata prawa do zasiłku",
        "zwolnienie lekarskie a zasiłek",
    ],
    "training": [
        "szkolenie dofinansowane z UE",
        "szkolenie na operatora wózka widłowego",
        "kurs spawacza",
        "bon szkoleniowy",
        "Krajowy Fundusz Szkoleniowy",
        "kwalifikacja na szkolenie",
        "kurs prawa jazdy kategorii C",
        "szkolenie z obsługi komputera",
        "kurs języka angielskiego",
        "studia podyplomowe",
        "egzamin UDT",
        "kurs kosmetyczny",
        "szkolenie BHP dla pracowników",
        "certyfikat po szkoleniu",
    ],
    "employers": [
        "zgłoszenie oferty pracy",
        "oferta pracy od pracodawcy",
        "selekcja kandydatów",
        "refundacja kosztów wyposażenia stanowiska pracy",
        "dotacja na rozpoczęcie działalności",
        "zatrudnienie cudzoziemca",
        "oświadczenie o powierzeniu pracy",
        "prace interwencyjne u pracodawcy",
        "dofinansowanie wynagrodzenia",
        "rekrutacja pracowników",
        "staż u pracodawcy",
        "umowa z urzędem pracy",
        "zabezpieczenie umowy",
        "rozliczenie dotacji",
    ],
    "eservices": [
        "logowanie do praca.gov.pl",
        "profil zaufany",
        "wniosek elektroniczny",
        "konto na biznes.gov.pl",
        "podpis elektroniczny",
        "kod SMS",
        "resetowanie hasła",
        "załączniki do wniosku",
        "Centralna Baza Ofert Pracy",
    ],
    "office": [
        "stan sprawy w urzędzie",
        "zmiana terminu wizyty",
        "decyzja urzędu pracy",
        "odwołanie od decyzji",
        "zaświadczenie z urzędu pracy",
        "wizyta u doradcy klienta",
        "zmiana adresu",
        "numer konta do wypłaty",
    ],
}

DETAILS = {
    "jobs": [
        "{Who} szuka pracy na pełny etat w {place} lub okolicach.",
        "{Who} ma wykształcenie zawodowe i {number} lat doświadczenia w handlu.",
        "Ostatnia umowa o pracę zakończyła się {date}.",
        "{Who} chce wyjechać do pracy przy zbiorach owoców na {number} tygodni.",
        "{Who} ma orzeczenie o stopniu niepełnosprawności i szuka pracy biurowej.",
        "{Who} pyta, czy może pracować na umowę zlecenie i pozostać w rejestrze.",
        "Urząd wyznaczył wizytę na {date}, ale {who} nie może przyjść.",
        "{Who} nie zna języka niemieckiego, ale mówi po angielsku.",
    ],
    "benefits": [
        "{Who} przepracował {number} dni w ciągu ostatnich 18 miesięcy.",
        "Zasiłek za {month} nie wpłynął na konto do dzisiaj.",
        "{Who} pyta, czy zasiłek przysługuje po umowie zleceniu.",
        "Wypłacona kwota to {amount}; {who} uważa, że powinna być wyższa.",
        "{Who} był na zwolnieniu lekarskim i nie stawił się na wizytę.",
        "Pracodawca rozwiązał umowę za porozumieniem stron.",
    ],
    "training": [
        "{Who} chce zdobyć uprawnienia UDT i pyta o bezpłatne szkolenia.",
        "Wniosek o skierowanie na szkolenie złożono {date}.",
        "Szkolenie kosztuje {amount} i trwa {number} godzin.",
        "Pracodawca chce przeszkolić {number} pracowników ze środków KFS.",
        "{Who} pyta, czy dostanie stypendium szkoleniowe i zwrot kosztów dojazdu.",
        "Lista zakwalifikowanych osób ma być gotowa w {month}.",
    ],
    "employers": [
        "Firma zatrudni {number} osób na stanowisko magazyniera w {place}.",
        "Pracodawca oferuje umowę o pracę i wynagrodzenie {amount} brutto.",
        "Wniosek o refundację na {number} stanowisk złożono {date}.",
        "Pracodawca pyta o zabezpieczenie umowy: weksel czy poręczenie.",
        "{Who} chce otworzyć działalność gospodarczą i pyta o nabór wniosków.",
        "Firma chce zatrudnić obywatela Ukrainy na podstawie oświadczenia.",
        "Pracodawca szuka kandydatów z prawem jazdy kategorii C i kartą kierowcy.",
    ],
    "eservices": [
        "Po zmianie numeru telefonu {who} nie dostaje kodu SMS.",
        "System pokazuje błąd przy dodawaniu załączników większych niż {number} MB.",
        "{Who} nie ma profilu zaufanego i pyta, jak go założyć.",
        "Wniosek zapisał się jako kopia robocza i nie został wysłany.",
        "Strona nie działa w przeglądarce na telefonie.",
    ],
    "office": [
        "{Who} złożył wniosek w urzędzie {date} i nie otrzymał odpowiedzi.",
        "Wizyta wyznaczona na {weekday} koliduje z rozmową kwalifikacyjną.",
        "{Who} zmienił adres zamieszkania na {street} w {place}.",
        "Decyzja została wysłana na stary adres.",
        "{Who} chce złożyć odwołanie od decyzji o utracie statusu.",
    ],
}

GENERAL_DETAILS = [
    "{Who} dzwoni w tej sprawie już drugi raz.",
    "{Who} prosi o kontakt telefoniczny po godzinie {hour}.",
    "Dokumenty wysłano pocztą {date}.",
    "{Who} nie może znaleźć formularza na stronie urzędu.",
    "{Who} przesłał {doc}, ale nie dostał potwierdzenia.",
    "Sprawa jest pilna, termin mija {date}.",
    "{Who} mówi po ukraińsku i trochę po polsku.",
]

SUBJECTS = [
    "{Thing}",
    "Pytanie: {thing}",
    "{Thing} w {place}",
    "{Thing}: {issue}",
    "Wniosek: {thing}",
    "{Thing} – {issue}",
    "Skarga: {issue}",
    "Informacja o: {thing}",
    "Prośba o pomoc: {thing}",
]

OPENINGS = {
    "call": [
        "{Who} dzwoni w sprawie: {thing}.",
        "{Who} pyta o {thing}.",
        "Sprawa dotyczy: {thing}, w {place}.",
        "{Who} zgłasza problem: {issue}.",
        "{Who} prosi o informację: {thing}.",
    ],
    "written": [
        "{Who} pisze w sprawie: {thing}.",
        "{Who} pisze w sprawie: {thing}, w załączniku {doc}.",
        "Formularz kontaktowy: {thing}, w {place}.",
        "{Who} zgłasza e-mailem problem: {issue}.",
    ],
    "visit": [
        "{Who} przyszedł do punktu w sprawie: {thing}.",
        "Wizyta w sprawie: {thing}; {who} przyniósł {doc}.",
    ],
}

ISSUES = [
    "brak decyzji",
    "długi czas oczekiwania",
    "błędna kwota",
    "brak kontaktu z urzędem",
    "nieczynny formularz",
    "brak potwierdzenia złożenia wniosku",
    "zły adres w systemie",
    "opóźniona wypłata",
    "niejasne uzasadnienie decyzji",
    "zagubione dokumenty",
    "termin wizyty",
    "brak wolnych miejsc",
    "odmowa przyjęcia wniosku",
    "zmiana doradcy",
    "problem z logowaniem",
]

DOCUMENTS = [
    "świadectwo pracy",
    "CV",
    "zaświadczenie lekarskie",
    "wniosek",
    "umowa o pracę",
    "dowód osobisty",
    "zaświadczenie o zarobkach",
    "biznesplan",
    "oświadczenie",
    "dyplom",
    "wyciąg z konta",
    "list motywacyjny",
]

WHO = {
    "general": ["klient", "klientka", "rozmówca", "osoba bezrobotna", "absolwent", "cudzoziemiec"],
    "employers": ["pracodawca", "przedsiębiorca", "właściciel firmy", "kadrowa"],
    "training": ["klient", "klientka", "pracodawca", "absolwent"],
}

PLACES = [
    "Warszawie",
    "Krakowie",
    "Białymstoku",
    "Pradze-Północ",
    "Mokotowie",
    "Nowej Hucie",
    "Podgórzu",
    "Wawrze",
    "Bielanach",
    "Łomży",
    "Suwałkach",
    "Siedlcach",
    "Radomiu",
    "Płocku",
    "Ostrołęce",
    "Wieliczce",
    "Skawinie",
    "Niepołomicach",
    "Hajnówce",
    "Bielsku Podlaskim",
    "Zambrowie",
    "Augustowie",
]

STREETS = [
    "ul. Mickiewicza",
    "ul. Słowackiego",
    "ul. Kościuszki",
    "ul. Długa",
    "ul. Polna",
    "ul. Leśna",
    "ul. Ogrodowa",
    "ul. Lipowa",
    "ul. Kwiatowa",
    "ul. Szkolna",
    "ul. Kolejowa",
    "ul. Piłsudskiego",
    "ul. Sienkiewicza",
    "ul. Reymonta",
    "ul. Grunwaldzka",
    "ul. Wiejska",
    "al. Jana Pawła II",
    "ul. Marszałkowska",
    "ul. Grochowska",
    "ul. Wrocławska",
    "ul. Zwierzyniecka",
    "ul. Sybiraków",
]

MONTHS = [
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
]
WEEKDAYS = ["poniedziałek", "wtorek", "środę", "czwartek", "piątek", "sobotę", "niedzielę"]
DATE = "{day} {month}"
AMOUNT = "{amount} zł"

SUMMARIES = {
    "call": [
        "Pytanie: {thing}.",
        "Dzwonił w sprawie: {thing}.",
        "Rozmowa o: {thing}; {issue}.",
        "",
    ],
    "written": ["E-mail w sprawie: {thing}.", "Formularz: {thing}.", "Czat: {thing}.", ""],
    "visit": ["Wizyta w sprawie: {thing}.", "Wizyta: {thing}; {issue}.", ""],
}

RESOLUTIONS = [
    "Udzielono informacji zgodnie z bazą wiedzy.",
    "Wyjaśniono zasady: {thing}.",
    "Przesłano link do formularza i listę dokumentów.",
    "Pomogłem złożyć wniosek elektroniczny na praca.gov.pl.",
    "Podano kontakt do doradcy klienta w urzędzie pracy.",
    "Klient otrzymał informację i nie ma dalszych pytań.",
    "Wysłano e-mail z ofertami pracy w {place}.",
    "Wyjaśniono, jakie dokumenty złożyć: {doc}.",
]

FORWARD_REASONS = [
    "Sprawa wymaga decyzji urzędu pracy.",
    "Konsultant PAK sprawdzi dane w systemie urzędu.",
    "Tylko urząd może ocenić: {thing}.",
    "{Who} prosi o oddzwonienie przez doradcę.",
    "Dotyczy: {issue}; potrzebna weryfikacja w urzędzie.",
    "Poza zakresem Zielonej Linii.",
]

CALL_BACKS = [
    "Oddzwoniłem do klienta w sprawie: {thing}.",
    "Oddzwoniłam: {issue} wyjaśnione.",
    "Rozmowa telefoniczna z klientem, przekazano decyzję.",
    "Oddzwoniono; klient dośle {doc} do {date}.",
    "Oddzwoniono w sprawie: {thing}; {issue}.",
]

DEPARTMENT_RESOLUTIONS = [
    "Sprawa załatwiona po rozmowie z klientem.",
    "Decyzja wydana i wysłana.",
    "Błąd poprawiony, wypłata zlecona.",
    "Klient otrzymał odpowiedź urzędu.",
    "Termin wizyty zmieniony na {date}.",
]

WAITING = [
    "Czekamy na {doc} od klienta.",
    "Klient dośle brakujące dokumenty.",
    "Oczekiwanie na odpowiedź klienta.",
]

REPLIES = [
    "Klient przesłał {doc}.",
    "Dokumenty wpłynęły e-mailem.",
    "Klient oddzwonił z brakującymi informacjami.",
]

CONFIDENTIAL = [
    "Rozmowa zawiera dane o stanie zdrowia.",
    "Sprawa poufna: dane wrażliwe klienta.",
    "Zgłoszenie dotyczy przemocy w miejscu pracy.",
]

NOTES = [
    "Nie udało się dodzwonić, ponowię jutro.",
    "Wysłano wzór wniosku do klienta.",
    "Czekam na odpowiedź działu świadczeń.",
    "Sprawa omówiona z kierownikiem.",
    "Umówiono spotkanie na {date}.",
]


# The long tail: occupations and workplace words people mention, streets named after
# patrons, and more sentences that name them. Rare words live here.
OBJECTS = words(
    """
magazynier elektryk hydraulik murarz tynkarz glazurnik dekarz stolarz ślusarz mechanik
lakiernik kucharz kelner barista sprzedawca kasjer ochroniarz konserwator ogrodnik
pielęgniarka ratownik nauczyciel opiekunka recepcjonistka informatyk tłumacz księgowa
spawacz operator kierowca kurier fryzjerka kosmetyczka fizjoterapeuta programista grafik
hurtownia piekarnia apteka warsztat salon gabinet biuro restauracja hotel stacja budowa
tartak szwalnia drukarnia sortownia chłodnia ubojnia pralnia przedszkole żłobek szpital
przychodnia laboratorium zmiana nadgodziny urlop wypowiedzenie wynagrodzenie premia
zakwaterowanie stołówka odzież kask rękawice laptop drukarka suwnica koparka ładowarka
wózek paleta regał skaner kasa terminal samochód ciężarówka autobus bus rower
"""
)
STREETS += [
    f"ul. {patron}"
    for patron in words(
        """
    Chopina Moniuszki Kopernika Matejki Żeromskiego Prusa Orzeszkowej Konopnickiej
    Wyspiańskiego Kochanowskiego Skłodowskiej Traugutta Kilińskiego Okrzei Narutowicza
    Dąbrowskiego Sobieskiego Batorego Chrobrego Mieszka Jagiellońska Piastowska Słoneczna
    Brzozowa Klonowa Jesionowa Dębowa Sosnowa Świerkowa Akacjowa Wiśniowa Jaśminowa Różana
    Łąkowa Strażacka Harcerska Sportowa Parkowa Młyńska Rzeczna Nadrzeczna Zielona Krótka
    Wąska Cicha Spokojna Pogodna Widokowa Graniczna Przemysłowa Składowa Fabryczna
    """
    )
]
GENERAL_DETAILS += [
    "{Who} pracował jako {object} przez {number} lat.",
    "{Who} szuka pracy: {object}, najlepiej na {street}.",
    "Doradca {name} poleciła ofertę: {object} w {place}.",
    "{Who} rozmawiał już z panią {name} z urzędu.",
    "Pracodawca z {street} szuka pracownika: {object}.",
    "{Who} ma uprawnienia: {object}, ważne do {date}.",
]

OBJECTS += words(
    """
magazynierka sprzątaczka pakowacz kompletacja inwentaryzacja etykieciarka zgrzewarka
betoniarka rusztowanie szalunek zbrojarz cieśla brukarz operatorka szwaczka krawcowa
piekarz cukiernik rzeźnik masarz wędliniarz sommelier portier dozorca woźny sekretarka
asystentka handlowiec przedstawiciel telemarketer ankieter rekruter doradca koordynator
brygadzista kierownik zastępca dyspozytor spedytor logistyk analityk tester administrator
serwisant monter instalator elektromonter automatyk robotyk tokarz frezer szlifierz
"""
)
GENERAL_DETAILS += [
    "Poprzedni pracodawca zalega z wypłatą za {month}.",
    "{Who} dojeżdża do pracy {number} kilometrów i pyta o zwrot kosztów.",
    "Umowa na stanowisku: {object} kończy się {date}.",
    "{Who} ukończył kurs, ale nie dostał zaświadczenia.",
    "W ogłoszeniu podano stawkę {amount} brutto, a w umowie jest mniej.",
    "{Who} chce się przekwalifikować i pyta o bon szkoleniowy.",
    "Rozmowa kwalifikacyjna odbędzie się w {weekday} o godzinie {hour}.",
    "{Who} opiekuje się dzieckiem i szuka pracy na pół etatu.",
    "Agencja pracy tymczasowej zaproponowała pracę na zmiany.",
    "{Who} wrócił z zagranicy po {number} latach i chce się zarejestrować.",
    "Zaświadczenie o niepełnosprawności jest ważne do {date}.",
    "Pracodawca z {place} nie odpowiada na telefony ani e-maile.",
]
