"""Realistic local names for generated people, employers and organisations, per country."""

from __future__ import annotations

import random
import unicodedata


def _words(text: str) -> list[str]:
    return text.split()


def _towns(pairs: str) -> list[tuple[str, str]]:
    """'Lublin/Lublinie, Opole/Opolu' -> [("Lublin", "Lublinie"), ("Opole", "Opolu")]."""
    return [tuple(pair.strip().split("/")) for pair in pairs.split(",")]


FIRST_NAMES = {
    "SE": {
        "female": _words(
            "Anna Maria Elsa Astrid Linnea Karin Ingrid Sara Emma Maja Ebba Kristina "
            "Margareta Elin Johanna Sofia Ida Wilma Alva Birgitta"
        ),
        "male": _words(
            "Erik Lars Karl Nils Johan Per Anders Oskar Gustav Olof Magnus Fredrik Henrik "
            "Mikael Jonas Axel Viktor Hugo Elias Sven"
        ),
    },
    "PL": {
        "female": _words(
            "Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Magdalena Joanna "
            "Aleksandra Zofia Monika Natalia Dorota Beata Justyna Paulina Weronika Elżbieta "
            "Halina"
        ),
        "male": _words(
            "Piotr Krzysztof Andrzej Tomasz Paweł Jan Michał Marcin Grzegorz Józef Łukasz "
            "Adam Zbigniew Jerzy Tadeusz Mateusz Dariusz Mariusz Wojciech Kamil"
        ),
    },
    "FI": {
        "female": _words(
            "Aino Eeva Sari Tiina Päivi Merja Liisa Anne Johanna Kaisa Helmi Pirjo Minna "
            "Satu Hanna Riikka Elina Sanna Marjatta Noora"
        ),
        "male": _words(
            "Matti Juha Mikko Timo Jukka Heikki Markku Antti Pekka Ville Tuomas Jari Kari "
            "Janne Eero Lauri Onni Eino Väinö Jussi"
        ),
    },
}

# Polish surnames in the masculine form; `surname_for` gives the feminine one.
LAST_NAMES = {
    "SE": _words(
        "Lindgren Öberg Marklund Lundström Burman Holmström Nordin Lindqvist Granström "
        "Sandström Boström Hedman Lundberg Forsberg Renström Nyberg Wikström Åström "
        "Stenlund Ekholm Andersson Johansson Karlsson Nilsson Eriksson Larsson Persson "
        "Olsson Backman Burström"
    ),
    "PL": _words(
        "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński "
        "Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk "
        "Kaczmarek Piotrowski Grabowski Zając Pawłowski Michalski Król Wieczorek "
        "Jabłoński Wróbel Nowakowski Majewski Olszewski Sadowski"
    ),
    "FI": _words(
        "Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen "
        "Järvinen Lehtonen Hakala Koski Ojala Kangas Saarinen Salonen Heikkilä "
        "Yli-Kauhaluoma Rinta-Kauppila Mäki-Jaakkola Ojanperä Hautala Peltola Kivelä "
        "Huhtala Lahti Niemi Ketola Alanko"
    ),
}


# (town, the form the organisation's name needs: Swedish as is, Polish locative after "w",
# Finnish genitive).
TOWNS = {
    "SE": [
        (town, town)
        for town in _words(
            "Umeå Luleå Piteå Lycksele Boden Kiruna Östersund Sundsvall Örnsköldsvik Härnösand "
            "Gävle Falun Borlänge Karlstad Örebro Västerås Uppsala Norrköping Linköping "
            "Jönköping Växjö Kalmar Karlskrona Kristianstad Helsingborg Halmstad Borås "
            "Trollhättan Skövde Visby"
        )
    ],
    "PL": _towns(
        "Lublin/Lublinie, Rzeszów/Rzeszowie, Kielce/Kielcach, Olsztyn/Olsztynie, Opole/Opolu, "
        "Toruń/Toruniu, Bydgoszcz/Bydgoszczy, Gdańsk/Gdańsku, Szczecin/Szczecinie, "
        "Poznań/Poznaniu, Wrocław/Wrocławiu, Łódź/Łodzi, Katowice/Katowicach, "
        "Zielona Góra/Zielonej Górze, Radom/Radomiu, Płock/Płocku, Siedlce/Siedlcach, "
        "Suwałki/Suwałkach, Łomża/Łomży, Tarnów/Tarnowie, Nowy Sącz/Nowym Sączu, "
        "Częstochowa/Częstochowie, Elbląg/Elblągu, Koszalin/Koszalinie"
    ),
    "FI": _towns(
        "Seinäjoki/Seinäjoen, Kurikka/Kurikan, Lapua/Lapuan, Alajärvi/Alajärven, "
        "Ilmajoki/Ilmajoen, Kauhava/Kauhavan, Närpiö/Närpiön, Mikkeli/Mikkelin, "
        "Saarijärvi/Saarijärven, Pelkosenniemi/Pelkosenniemen, Parainen/Paraisten, "
        "Oulu/Oulun, Kajaani/Kajaanin, Iisalmi/Iisalmen, Kuopio/Kuopion, Joensuu/Joensuun, "
        "Savonlinna/Savonlinnan, Rovaniemi/Rovaniemen, Kemi/Kemin, Tornio/Tornion, "
        "Raahe/Raahen, Ylivieska/Ylivieskan, Kokkola/Kokkolan, Vaasa/Vaasan"
    ),
}

ORGANISATION_NAME = {
    "SE": "{town} kommun",
    "PL": "Centrum Informacyjne Urzędu Pracy w {town}",
    "FI": "{town} yhteispalvelupiste",
}

# Employers as they appear in each register. {town_form} is the inflected form in TOWNS.
EMPLOYER_PATTERNS = {
    "SE": [
        "{surname}s Bygg AB",
        "{town} Trä AB",
        "{surname} & Söner AB",
        "{town} Fastigheter AB",
        "Norrlands {trade} AB",
        "{surname}s Åkeri AB",
    ],
    "PL": [
        "{surname} Sp. z o.o.",
        "PHU {surname}",
        "Zakład Stolarski {surname}",
        "{trade} {town} S.A.",
        "Przedsiębiorstwo Budowlane {surname} Sp. j.",
    ],
    "FI": [
        "{surname} Oy",
        "Rakennus {surname} Oy",
        "{town_form} Kuljetus Oy",
        "{trade} {surname} Ky",
        "{town_form} Kiinteistöhuolto Oy",
    ],
}

TRADES = {
    "SE": ["Fastighetsservice", "Städ", "Maskin", "Elektriska", "Transport"],
    "PL": ["Logistyka", "Budownictwo", "Usługi Komunalne", "Handel", "Transport"],
    "FI": ["Sähkö", "Putki", "Maalaus", "Metalli", "Kuljetus"],
}

# Customers' mailboxes live on reserved .example domains, so a mail sent from a demo or a
# benchmark never reaches a real person.
MAIL_DOMAINS = {
    "SE": ["post.example", "mejl.example", "bredband.example"],
    "PL": ["poczta.example", "skrzynka.example", "mail.example"],
    "FI": ["posti.example", "sahkoposti.example", "netti.example"],
}

_FEMININE_ENDINGS = (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"))

# Letters NFKD does not take apart into a base letter and an accent.
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss"})


def ascii_fold(text: str) -> str:
    """'Łódź Öberg' -> 'Lodz Oberg', for slugs, user names and mailboxes."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def surname_for(country: str, surname: str, sex: str) -> str:
    if country == "PL" and sex == "female":
        for masculine, feminine in _FEMININE_ENDINGS:
            if surname.endswith(masculine):
                return surname[: -len(masculine)] + feminine
    return surname


def person_name(country: str, rng: random.Random) -> tuple[str, str]:
    """A (first name, last name) pair as people in that country are called."""
    sex = rng.choice(("female", "male"))
    first = rng.choice(FIRST_NAMES[country][sex])
    return first, surname_for(country, rng.choice(LAST_NAMES[country]), sex)


def employer_name(country: str, rng: random.Random) -> str:
    town, town_form = rng.choice(TOWNS[country])
    return rng.choice(EMPLOYER_PATTERNS[country]).format(
        surname=rng.choice(LAST_NAMES[country]),
        town=town,
        town_form=town_form,
        trade=rng.choice(TRADES[country]),
    )


def mailbox_name(first: str, last: str, rng: random.Random) -> str:
    """anna.lindgren, a.lindgren or anna.lindgren84: the shapes people really choose."""
    first, last = ascii_fold(first).lower(), ascii_fold(last).lower().replace(" ", "")
    shape = rng.random()
    if shape < 0.5:
        return f"{first}.{last}"
    if shape < 0.7:
        return f"{first[0]}.{last}"
    return f"{first}.{last}{rng.randint(40, 99)}"
