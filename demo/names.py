"""Fictional Dutch-sounding names: streets, wijken, buurten, persons and trade names.

Nothing here may spell a real company. Words used for ordinary businesses never contain the
keywords that mark the planted massage cluster (massage, thai, wellness, spa, tantra).
"""

from __future__ import annotations

import numpy as np

SURNAMES = (
    "De Boer", "Jansen", "De Vries", "Van den Berg", "Bakker", "Visser", "Smit", "Meijer",
    "De Jong", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Van Leeuwen", "Dekker", "Brouwer",
    "De Wit", "Dijkstra", "Smits", "De Graaf", "Van der Meer", "Van der Linden", "Kok", "Jacobs",
    "De Haan", "Vermeulen", "Van den Heuvel", "Van der Veen", "Van den Broek", "De Bruijn",
    "De Groot", "Schouten", "Van Beek", "Willems", "Van Vliet", "Hoekstra", "Maas", "Verhoeven",
    "Koster", "Van Dam", "Prins", "Blom", "Huisman", "Kuipers", "Van Wijk", "Postma", "Kramer",
    "Van der Heijden", "Yilmaz", "Kaya", "El Amrani", "Bouzid", "Öztürk", "Nguyen", "Tran",
    "Rahman", "Singh", "Kowalski", "Nowak", "Pereira", "Santos", "Chen", "Boateng", "Mensah",
    "Wolters", "Hazelhoff", "Ter Horst", "Veldkamp", "Brinkman", "Oosterveld", "Groeneveld",
    "Zwart", "Timmermans", "Van Rooij", "Lammers", "Koning", "Hofman", "Evers", "Stam",
)
FIRST_NAMES = (
    "Jan", "Sanne", "Mohammed", "Fatima", "Emma", "Daan", "Lotte", "Sem", "Julia", "Noah",
    "Anouk", "Kevin", "Priya", "Mehmet", "Ayşe", "Linh", "Marco", "Ingrid", "Ruud", "Karin",
    "Bas", "Eva", "Thijs", "Fleur", "Youssef", "Samira", "Piet", "Kees", "Marieke", "Wendy",
    "Dennis", "Sandra", "Tom", "Iris", "Joost", "Nina", "Rachid", "Yasmin", "Bram", "Lieke",
    "Mei", "Anna", "Tim", "Esther", "Hanna", "Ahmet", "Olga", "Pieter", "Roos", "Stijn",
)
WORDS = (
    "Lotus", "De Korenbloem", "Zonnestraal", "Het Anker", "De Linde", "Kompas", "Horizon",
    "De Vlinder", "Noorderlicht", "Parel", "Eikenhof", "Waterlelie", "De Molen", "Zilvermeeuw",
    "Het Baken", "De Kroon", "Morgenrood", "Vuurtoren", "De Zwaan", "Klaver", "Dageraad",
    "Lindeboom", "De Ster", "Regenboog", "Het Gouden Hoofd", "Boomgaard", "De Wielewaal",
    "Kristal", "Orion", "Atlas", "Zuiderlicht", "De Hoeksteen", "Robijn", "Saffier", "Nova",
    "Westwind", "De Brug", "Kameleon", "Zeester", "Duinroos", "Helder", "Vlijt", "Kwartel",
    "De Eendracht", "Kiem", "Lumen", "Pegasus", "Magnolia", "De Toekomst", "Kraanvogel",
)
MASSAGE_NAMES = (
    "Thai Massage {W}", "{F} Thai Massage", "Wellness {W}", "Spa {W}", "Tantra Studio {W}",
    "Massagesalon {F}", "{W} Thai Spa", "Massage & Wellness {F}", "Ontspanningsmassage {F}",
    "Bamboo Thai Massage", "{F}'s Wellness Spa", "Oriental Massage {W}",
)
NAME_TEMPLATES: dict[str, tuple[str, ...]] = {
    "advies": ("{S} Advies", "{W} Consultancy", "{I}. {S} Organisatieadvies",
               "{F} {S} Management", "Adviesbureau {S}"),
    "it": ("{W} Software", "{S} IT", "{W} Digital", "{F} Development", "{W} ICT"),
    "schilder": ("Schildersbedrijf {S}", "{I}. {S} Schilderwerken", "Schilder {F} {S}"),
    "bouw": ("Bouwbedrijf {S}", "{S} Bouw & Onderhoud", "Timmerbedrijf {S}",
             "{I}. {S} Klusbedrijf", "Aannemersbedrijf {S}"),
    "klus": ("{I}. {S} Klusbedrijf", "Klussenbedrijf {F}", "{S} Klus & Montage"),
    "installatie": ("Installatiebedrijf {S}", "{S} Installatietechniek", "{W} Elektro",
                    "Loodgietersbedrijf {S}"),
    "coach": ("Coaching {F} {S}", "Praktijk {W}", "{W} Coaching", "{F} {S} Training",
              "Bureau {W}"),
    "zorg": ("Zorg met {F}", "{W} Thuiszorg", "Zorgbureau {S}", "Begeleiding {F} {S}"),
    "kinderopvang": ("Gastouder {F}", "Kinderopvang {W}", "Kinderdagverblijf {W}"),
    "webshop": ("{W} Online", "{F}'s Webwinkel", "Webwinkel {W}", "{W} Store"),
    "beauty": ("Nagelstudio {F}", "Schoonheidssalon {W}", "Pedicure {F} {S}", "Beautysalon {F}",
               "Nails by {F}", "Huidpraktijk {W}"),
    "kapper": ("Kapsalon {W}", "Hair by {F}", "{F}'s Haarstudio", "Barbershop {W}",
               "Kapperij {S}", "Barber {F}"),
    "design": ("{W} Ontwerp", "Studio {W}", "{F} {S} Grafisch Ontwerp", "{W} Creatief"),
    "foto": ("{F} {S} Fotografie", "Fotostudio {W}", "{W} Beeld"),
    "marketing": ("{W} Marketing", "Reclamebureau {W}", "{S} Communicatie"),
    "kunst": ("Atelier {W}", "{F} {S} Kunst", "Kunstenaar {F} {S}"),
    "muziek": ("{F} {S} Muziek", "Muziekproducties {W}", "Band {W}"),
    "transport": ("{I}. {S} Transport", "Transportbedrijf {S}", "{W} Logistiek",
                  "{S} Transport B.V."),
    "koerier": ("Koeriersdienst {F}", "{W} Koeriers", "{I}. {S} Pakketdienst"),
    "schoonmaak": ("{W} Schoonmaak", "Schoonmaakbedrijf {S}", "{F} Schoonmaakdiensten"),
    "hovenier": ("Hoveniersbedrijf {S}", "{W} Tuinen", "{I}. {S} Tuinonderhoud"),
    "verzekering": ("{S} Assurantiën", "{W} Verzekeringen", "Assurantiekantoor {S}"),
    "boekhoud": ("Administratiekantoor {S}", "{W} Boekhouding", "{F} {S} Administraties"),
    "holding": ("{S} Holding B.V.", "{W} Holding B.V.", "{I}.{I}. {S} Beheer B.V.",
                "{W} Beheer B.V.", "{S} Investments B.V."),
    "vastgoed": ("{S} Vastgoed", "{W} Vastgoed B.V.", "{W} Real Estate", "{S} Onroerend Goed",
                 "Vastgoedbeheer {W}"),
    "makelaar": ("Makelaardij {S}", "{W} Makelaars", "{S} Wonen"),
    "stichting": ("Stichting {W}", "Stichting Vrienden van {W}", "Stichting {W} {G}",
                  "Stichting Steunfonds {W}", "Stichting Buurtwerk {W}"),
    "vereniging": ("Vereniging {W}", "Sportvereniging {W}", "Hobbyclub {W}",
                   "Buurtvereniging {W}"),
    "sportcoach": ("Personal Training {F}", "{F} Sportcoaching", "Bootcamp {W}"),
    "ingenieur": ("Ingenieursbureau {S}", "{W} Engineering", "{S} Technisch Advies"),
    "psycholoog": ("Psychologenpraktijk {W}", "Praktijk {F} {S}", "{W} Psychologie"),
    "paramedisch": ("Praktijk {W}", "{F} {S} Natuurgeneeskunde", "Voetzorg {F}"),
    "super": ("Supermarkt {W}", "Buurtsuper {S}", "{W} Versmarkt", "Minimarkt {W}"),
    "mode": ("Boutique {W}", "{W} Fashion", "Modehuis {S}", "{F} Mode"),
    "schoen": ("Schoenenhuis {S}", "{W} Schoenen"),
    "telecom": ("Telecom {W}", "{W} Phone", "GSM Point {W}", "Phone Repair {W}",
                "Belwinkel {W}"),
    "tabak": ("Tabakszaak {S}", "Sigarenmagazijn {W}", "Rookwaren {W}"),
    "bakker": ("Bakkerij {W}", "Bakkerij {S}", "Warme Bakker {S}"),
    "apotheek": ("Apotheek {W}", "Apotheek {G}-{W}"),
    "bloemen": ("Bloemenhuis {W}", "Bloemsierkunst {F}", "{W} Bloemen"),
    "optiek": ("{S} Optiek", "Opticien {W}"),
    "toko": ("Toko {W}", "{W} Foods", "Internationale Supermarkt {W}"),
    "restaurant": ("Restaurant {W}", "Eetcafé {W}", "Brasserie {W}", "Pizzeria {W}",
                   "Grillroom {W}"),
    "snack": ("Snackbar {W}", "Cafetaria {W}", "{W} Döner", "Friettent {W}", "IJssalon {W}"),
    "cafe": ("Café {W}", "Grand Café {W}", "Bar {W}", "Café De {S}"),
    "wellness_centre": ("Sauna {W}", "Zonnestudio {W}", "Wellness & Sauna {W}"),
    "gokhal": ("Speelhal {W}", "Amusementscentrum {W}", "Casino {W}"),
    "bank": ("{W} Bank", "Bank {G}"),
    "reis": ("Reisbureau {W}", "{W} Reizen"),
    "winkel": ("{W} Cadeaus", "Winkel {W}", "{W} Woonwinkel", "Juwelier {S}", "Boekhandel {W}"),
    "budget": ("Budgetwinkel {W}", "{W} Voordeel", "Alles voor 1 Euro {W}"),
    "reparatie": ("Reparatieservice {W}", "{S} Reparaties"),
    "fitness": ("Fitness {W}", "Sportschool {W}", "Gym {W}"),
    "hotel": ("Hotel {W}", "Hotel De {S}"),
    "uitvaart": ("Uitvaartzorg {S}", "Uitvaartcentrum {W}"),
    "uitzend": ("{W} Uitzendbureau", "{W} Personeelsdiensten", "{W} Flex B.V.",
                "{W} Staffing", "{S} Detachering"),
    "advocaat": ("{S} Advocaten", "{S} & {S2} Advocaten", "Advocatenkantoor {S}"),
    "accountant": ("{S} Accountants", "{W} Accountancy", "{S} & {S2} Accountants"),
    "belasting": ("Belastingadvies {S}", "{W} Fiscaal Advies"),
    "architect": ("Architectenbureau {S}", "{W} Architecten"),
    "autohandel": ("Autohandel {F} {S}", "{S} Auto's", "Autocentrum {W}", "{W} Cars",
                   "Occasioncentrum {W}"),
    "garage": ("Autobedrijf {S}", "Garage {S}", "Autoservice {W}", "Garagebedrijf {F} {S}",
               "Autotechniek {S}"),
    "banden": ("Bandencentrum {W}", "{S} Banden", "Bandenservice {G}"),
    "carrosserie": ("Carrosseriebedrijf {S}", "Schadeherstel {W}", "{W} Autoschade"),
    "autowas": ("Autopoetsbedrijf {W}", "Car Cleaning {W}", "Bergingsbedrijf {S}"),
    "onderdelen": ("{W} Auto-onderdelen", "Onderdelenhandel {S}"),
    "motor": ("Motorhuis {S}", "{W} Motoren", "Scooter Point {W}"),
    "autoverhuur": ("Autoverhuur {W}", "{S} Autoverhuur", "{W} Lease"),
    "logistiek": ("{W} Logistics", "Opslag {W}", "{W} Warehousing", "{S} Distributie"),
    "groothandel": ("{W} Groothandel", "{S} Handelsonderneming", "{W} Trading B.V.",
                    "Import-Export {W}"),
    "techniek": ("{S} Metaalbewerking", "{W} Techniek", "{S} Machinebouw",
                 "Constructiebedrijf {S}"),
    "afval": ("{W} Recycling", "{S} Containerservice"),
    "productie": ("Banketbakkerij {W}", "{W} Productie"),
    "tankstation": ("Tankstation {W}", "Tankstation {S}"),
    "school": ("Basisschool De {W}", "Openbare Basisschool {W}", "Kindcentrum {W}"),
    "school_vo": ("{W} College", "Scholengemeenschap {W}", "Lyceum {G}"),
    "sportaccommodatie": ("Sporthal {W}", "Sportcentrum {W}"),
    "voetbal": ("Voetbalvereniging {W}", "V.V. {W}", "Korfbalvereniging {W}"),
    "huisarts": ("Huisartsenpraktijk {S}", "Huisartsen {W}", "Gezondheidscentrum {W}"),
    "tandarts": ("Tandartspraktijk {W}", "Tandarts {S}", "Mondzorg {W}"),
    "fysio": ("Fysiotherapie {W}", "Fysiotherapiepraktijk {S}"),
    "kerk": ("Kerkgemeente {W}", "Stichting Moskee {W}", "Evangeliegemeente {W}"),
    "massage": MASSAGE_NAMES,
}
MASSAGE_KEYWORDS = ("massage", "thai", "wellness", "spa", "tantra")


def trade_names(kinds: np.ndarray, gemeente: str, rng: np.random.Generator) -> list[str]:
    """One trade name per element of `kinds` (template keys of NAME_TEMPLATES)."""
    n = len(kinds)
    s = rng.integers(0, len(SURNAMES), n)
    s2 = (s + rng.integers(1, len(SURNAMES), n)) % len(SURNAMES)
    f = rng.integers(0, len(FIRST_NAMES), n)
    w = rng.integers(0, len(WORDS), n)
    i = rng.integers(0, 20, n)
    pick = rng.random(n)
    initials = "ABCDEGHJKLMNPRSTVWY"
    out = []
    for k in range(n):
        templates = NAME_TEMPLATES[kinds[k]]
        template = templates[int(pick[k] * len(templates))]
        out.append(template.format(S=SURNAMES[s[k]], S2=SURNAMES[s2[k]], F=FIRST_NAMES[f[k]],
                                   W=WORDS[w[k]], I=initials[i[k] % len(initials)], G=gemeente))
    return out


def statutory_name(naam: str, rechtsvorm: str) -> str:
    """The name as RDW and legal registers print it (with the legal-form suffix)."""
    suffix = {"Besloten Vennootschap": " B.V.", "Naamloze Vennootschap": " N.V.",
              "Vennootschap onder firma": " V.O.F."}.get(rechtsvorm, "")
    return naam if naam.endswith(suffix.strip()) or not suffix else naam + suffix


# ---------------------------------------------------------------------------------- places
WIJK_NAMES = (
    "Centrum", "Noorderhof", "Oosterbroek", "Zuiderpolder", "Westerveld", "Meerzijde",
    "Rietlanden", "Hogeweide", "Kwakelbuurt", "De Schans", "Lindenhout", "Vaartzicht",
)
BUURT_PARTS = (
    "Noord", "Zuid", "Oost", "West", "Midden", "Park", "Hof", "Kwartier", "Kade", "Veld",
)
PARK_NAMES = ("De Hoge Dijk", "Vaartkant", "Demopoort", "Molenwerf", "Kanaalzone")
THEMES: tuple[tuple[str, ...], ...] = (
    ("Merel", "Lijster", "Spreeuw", "Kievit", "Zwaluw", "Roodborst", "Vink", "Mees", "Reiger",
     "Ekster", "Putter", "Kwikstaart", "Wielewaal", "Buizerd", "Valk", "Sperwer", "Koekoek",
     "Grutto", "Tureluur", "Kluut", "Fuut", "Meerkoet", "Goudvink", "Distelvink", "Zilverreiger",
     "Boomklever", "Nachtegaal", "Leeuwerik", "Patrijs", "IJsvogel"),
    ("Eiken", "Beuken", "Linden", "Esdoorn", "Berken", "Wilgen", "Populier", "Kastanje", "Iepen",
     "Elzen", "Hazelaar", "Meidoorn", "Lijsterbes", "Taxus", "Plataan", "Acacia", "Ceder",
     "Essen", "Vlier", "Hulst", "Notenboom", "Olmen", "Lariks", "Moerbei", "Kornoelje",
     "Haagbeuk", "Vogelkers", "Tamarisk", "Wilgenroos", "Sleedoorn"),
    ("Rozen", "Tulpen", "Narcissen", "Krokus", "Hyacinten", "Anjer", "Lelie", "Irissen", "Dahlia",
     "Aster", "Madelief", "Klaproos", "Korenbloem", "Zonnebloem", "Lavendel", "Jasmijn",
     "Seringen", "Hortensia", "Begonia", "Goudsbloem", "Akelei", "Fresia", "Gerbera", "Lupine",
     "Primula", "Vergeet-mij-niet", "Pinksterbloem", "Boterbloem", "Klokjes", "Margriet"),
    ("Rembrandt", "Vermeer", "Frans Hals", "Jan Steen", "Van Goyen", "Ruisdael", "Hobbema",
     "Mondriaan", "Breitner", "Israëls", "Mesdag", "Weissenbruch", "Toorop", "Maris", "Jongkind",
     "Mauve", "Bosboom", "Witsen", "Sluyters", "Verster", "Van Ostade", "Potter", "Cuyp",
     "Dou", "Metsu", "Ter Borch", "Saenredam", "Avercamp", "De Hooch", "Van de Velde"),
    ("Vecht", "Eem", "Linge", "Dommel", "Dinkel", "Berkel", "Regge", "Hunze", "Reest", "Vliet",
     "Gouwe", "Rotte", "Schie", "Zaan", "Lek", "Merwede", "Mark", "Aa", "Drecht", "Kromme Mijdrecht",
     "Amer", "Dieze", "Roer", "Geul", "Niers", "Swalm", "Oude IJssel", "Schipbeek", "Vechtstroom",
     "Slinge"),
    ("Smids", "Kuipers", "Wevers", "Molenaars", "Timmerlieden", "Schippers", "Brouwers",
     "Touwslagers", "Zadelmakers", "Hoefsmid", "Lijndraaiers", "Zeilmakers", "Kaarsenmakers",
     "Pottenbakkers", "Mandenmakers", "Klompenmakers", "Tingieters", "Ververs", "Voerlieden",
     "Glazeniers", "Zilversmid", "Boekbinders", "Steenhouwers", "Leidekkers", "Wagenmakers",
     "Kuiperij", "Lakenvolders", "Koperslagers", "Drukkers", "Rietdekkers"),
    ("Orion", "Pegasus", "Sirius", "Polaris", "Andromeda", "Cassiopeia", "Lyra", "Vega",
     "Mercurius", "Jupiter", "Saturnus", "Venus", "Castor", "Pollux", "Draco", "Perseus",
     "Aquila", "Cygnus", "Hercules", "Capella", "Aldebaran", "Regulus", "Antares", "Altair",
     "Deneb", "Rigel", "Arcturus", "Procyon", "Bellatrix", "Mira"),
    ("Sweelinck", "Diepenbrock", "Wagenaar", "Röntgen", "Zweers", "Dopper", "Andriessen",
     "Badings", "Pijper", "Escher", "Hendrik Andriessen", "Lier", "Kox", "Vredenburg", "Smit",
     "Bosmans", "Van Gilse", "Verhulst", "Nieland", "Mengelberg", "Flothuis", "De Leeuw",
     "Landré", "Orthel", "Ketting", "Schat", "Keuris", "Ruyneman", "Voormolen", "Zagwijn"),
    ("Texel", "Vlieland", "Terschelling", "Ameland", "Schiermonnikoog", "Rottum", "Griend",
     "Urk", "Marken", "Schokland", "Pampus", "Tiengemeten", "Goeree", "Walcheren", "Tholen",
     "Duiveland", "Noord-Beveland", "Wieringen", "Ruigoord", "Neeltje Jans", "Noorderhaaks",
     "Engelsmanplaat", "Simonszand", "Razende Bol", "Zuiderduin", "Kaapduin", "Strandvlakte",
     "Wadplaat", "Slufter", "Boschplaat"),
    ("Burgemeester Van der Lindt", "Burgemeester De Ruyter-Hoogland", "Professor Ten Bosch",
     "Dokter Van Straelen", "Burgemeester Kolfschoten", "Professor Van Zuylen-Brandt",
     "Wethouder Hoogendoorn", "Pastoor Van Arkel", "Dominee Kruisinga", "Meester Haverkamp",
     "Burgemeester Stoutenbeek", "Professor Lorentz-Vermeulen", "Dokter Schaepman",
     "Burgemeester Van Haersma", "Wethouder Brinkhorst", "Zuster Bouwmeester"),
)
SUFFIXES = ("straat", "laan", "weg", "hof", "plein", "singel", "kade", "pad", "dreef", "erf",
            "gaarde", "plantsoen")
CENTRE_STREETS = (
    "Markt", "Hoofdstraat", "Kerkstraat", "Molenstraat", "Nieuwstraat", "Voorstraat",
    "Achterstraat", "Kerkplein", "Raadhuisplein", "Lange Gracht", "Korte Gracht", "Havenstraat",
    "Dijkstraat", "Steenstraat", "Brugstraat", "Torenstraat", "Vismarkt", "Botermarkt",
    "Kaasmarkt", "Zuidwal", "Noordwal", "Oude Haven", "Schoolstraat", "Gasthuisstraat",
    "Begijnenstraat", "Poststraat", "Waagstraat", "Turfmarkt", "Koornmarkt", "Peperstraat",
    "Zoutstraat", "Hooigracht", "Lombardstraat", "Weeshuisstraat", "Bagijnhof", "Oosthaven",
    "Westhaven", "Vlamingstraat", "Rijnstraat", "Stationsplein", "Stationsweg", "Breestraat",
    "Nieuwe Markt", "Smalle Gang", "Paardenmarkt", "Tolstraat", "Boterstraat",
)
INDUSTRY_STREETS = (
    "Industrieweg", "Nijverheidsweg", "Ambachtsweg", "Handelsweg", "Transportweg", "Edisonstraat",
    "Wattstraat", "Voltastraat", "Ampèrestraat", "Ohmstraat", "Kelvinstraat", "Faradaystraat",
    "Newtonweg", "Dieselstraat", "Celsiusstraat", "Fahrenheitstraat", "Marconistraat",
    "Bessemerstraat", "Morsestraat", "Pascalweg", "Keplerweg", "Galileïstraat", "Boylestraat",
    "Huygensweg", "Leeghwaterstraat", "Stephensonweg", "Fokkerweg", "Plesmanweg", "Zernikestraat",
    "Lorentzweg", "Kamerlingh Onnesweg", "Vlotbrugweg", "Zeemanstraat", "Bosboomweg",
    "Havenweg", "Kanaalweg", "Expeditieweg", "Vrachtweg", "Laadkade", "Lossingsweg",
)
PREFIXES = ("", "Korte ", "Lange ", "Oude ", "Nieuwe ", "Kleine ", "Grote ")


def street_pool(theme: int) -> list[str]:
    """Every street name a residential theme can give, in a fixed order."""
    words = THEMES[theme % len(THEMES)]
    return [f"{prefix}{word}{suffix}" for prefix in PREFIXES for suffix in SUFFIXES
            for word in words]


def fixed_pool(base: tuple[str, ...]) -> list[str]:
    """A fixed list of names extended with prefixes when a town needs more."""
    return [p + name for p in PREFIXES for name in base]


def short_name(name: str) -> str:
    """BAG's openbare_ruimte_naam_kort: at most 24 characters, titles abbreviated."""
    for long, short in (("Burgemeester ", "Burg. "), ("Professor ", "Prof. "),
                        ("Dokter ", "Dr. "), ("Wethouder ", "Weth. "), ("Pastoor ", "Past. "),
                        ("Dominee ", "Ds. "), ("Meester ", "Mr. "), ("Zuster ", "Zr. ")):
        name = name.replace(long, short)
    return name[:24]
