"""The branch mix of a Dutch municipality: SBI 2008 codes, their SBI 2025 counterparts, weights.

Every code was checked against the published SBI 2008 and SBI 2025 lists while this table was
written (lowest level that exists: 5 digits where KVK uses a subklasse, else 4). The generator
does not read those lists at run time.

`plek` says where such a vestiging sits: home (a woonfunctie address), centre (shops and horeca),
office, industry (bedrijventerrein) or facility (schools, sports, health care, churches).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from demo.sbi_text import SBI2008_OMSCHRIJVING, SBI2025_OMSCHRIJVING


@dataclass(frozen=True)
class Branch:
    sbi2008: str
    sbi2025: str
    weight: float
    plek: str
    vorm: str
    naam: str
    activiteit: str


_B = Branch
BRANCHES: tuple[Branch, ...] = (
    # ---- at home (ZZP'ers and small firms on a woonfunctie address), about 45 %
    _B("70221", "70201", 5.0, "home", "zzp", "advies", "Advies over organisatie en verandering"),
    _B("70222", "70202", 2.0, "home", "zzp", "advies", "Advies over management en bedrijfsvoering"),
    _B("6201", "62100", 3.0, "home", "zzp", "it", "Ontwikkelen van software en apps"),
    _B("6202", "62200", 2.0, "home", "zzp", "it", "IT-advies en ondersteuning"),
    _B("4334", "43340", 2.4, "home", "zzp", "schilder", "Schilderwerk binnen en buiten"),
    _B("4332", "43320", 1.4, "home", "zzp", "bouw", "Timmerwerk, kozijnen en deuren"),
    _B("43999", "43990", 2.2, "home", "zzp", "klus", "Klussen, verbouw en onderhoud van woningen"),
    _B("43221", "43221", 1.0, "home", "zzp", "installatie", "Loodgieterswerk en sanitair"),
    _B("4321", "43212", 1.0, "home", "zzp", "installatie", "Elektrotechnische installaties"),
    _B("85599", "85599", 2.0, "home", "zzp", "coach", "Coaching, training en persoonlijke ontwikkeling"),
    _B("85592", "85591", 1.0, "home", "zzp", "coach", "Bedrijfstrainingen en workshops"),
    _B("86913", "86930", 0.8, "home", "zzp", "psycholoog", "Psychologische behandeling en begeleiding"),
    _B("86919", "86994", 0.8, "home", "zzp", "paramedisch", "Voetzorg en paramedische behandelingen"),
    _B("88101", "86942", 1.4, "home", "zzp", "zorg", "Thuiszorg en persoonlijke verzorging"),
    _B("88103", "88103", 0.8, "home", "zzp", "zorg", "Begeleiding van mensen met een beperking"),
    _B("88911", "88910", 0.9, "home", "zzp", "kinderopvang", "Gastouderopvang"),
    _B("47914", "47713", 1.4, "home", "zzp", "webshop", "Verkoop van kleding via internet"),
    _B("47919", "47120", 1.0, "home", "zzp", "webshop", "Verkoop van diverse artikelen via internet"),
    _B("96022", "96220", 1.0, "home", "zzp", "beauty", "Schoonheidsverzorging, manicure en pedicure"),
    _B("96021", "96210", 0.5, "home", "zzp", "kapper", "Kappen aan huis"),
    _B("74101", "74120", 1.4, "home", "zzp", "design", "Grafisch ontwerp en huisstijlen"),
    _B("74201", "74200", 0.9, "home", "zzp", "foto", "Fotografie van portretten en evenementen"),
    _B("7311", "73110", 0.6, "home", "zzp", "marketing", "Online marketing en reclame"),
    _B("9003", "90130", 0.9, "home", "zzp", "kunst", "Beeldende kunst en schrijven"),
    _B("90011", "90200", 0.6, "home", "zzp", "muziek", "Optredens als muzikant"),
    _B("4941", "49410", 1.1, "home", "zzp", "transport", "Goederenvervoer over de weg"),
    _B("53202", "53202", 0.8, "home", "zzp", "koerier", "Bezorgen van pakketten"),
    _B("8121", "81210", 1.0, "home", "zzp", "schoonmaak", "Schoonmaken van woningen en kantoren"),
    _B("8130", "81301", 0.7, "home", "zzp", "hovenier", "Aanleg en onderhoud van tuinen"),
    _B("69203", "69203", 0.8, "home", "zzp", "boekhoud", "Boekhouding en belastingaangiften"),
    _B("6420", "64210", 1.0, "home", "holding", "holding", "Houdstermaatschappij"),
    _B("6810", "68110", 0.5, "home", "mkb", "vastgoed", "Verhuur en handel in woningen"),
    _B("94996", "94996", 0.5, "home", "stichting", "stichting", "Ideële doelen en fondsenwerving"),
    _B("93129", "93129", 0.3, "home", "vereniging", "vereniging", "Sportvereniging"),
    _B("85512", "85510", 0.5, "home", "zzp", "sportcoach", "Personal training en bootcamps"),
    _B("7112", "71120", 0.6, "home", "zzp", "ingenieur", "Technisch advies en tekenwerk"),
    # ---- centre: shops, horeca, personal services, about 20 %
    _B("4711", "47110", 1.0, "centre", "bv", "super", "Supermarkt"),
    _B("47713", "47713", 1.2, "centre", "mkb", "mode", "Winkel in kleding en modeartikelen"),
    _B("47721", "47721", 0.5, "centre", "mkb", "schoen", "Winkel in schoenen"),
    _B("4742", "47402", 0.8, "centre", "mkb", "telecom", "Verkoop en reparatie van telefoons"),
    _B("4726", "47260", 0.4, "centre", "mkb", "tabak", "Verkoop van tabak, loterijen en tijdschriften"),
    _B("47241", "47241", 0.5, "centre", "mkb", "bakker", "Bakkerij en banketbakkerij"),
    _B("4773", "47730", 0.3, "centre", "bv", "apotheek", "Apotheek"),
    _B("47761", "47761", 0.4, "centre", "mkb", "bloemen", "Bloemen en planten"),
    _B("47782", "47743", 0.4, "centre", "mkb", "optiek", "Opticien"),
    _B("47293", "47273", 0.5, "centre", "mkb", "toko", "Verkoop van buitenlandse levensmiddelen"),
    _B("56101", "56111", 1.5, "centre", "mkb", "restaurant", "Restaurant"),
    _B("56102", "56112", 1.5, "centre", "mkb", "snack", "Cafetaria, snackbar en ijssalon"),
    _B("5630", "56300", 1.0, "centre", "mkb", "cafe", "Café"),
    _B("96021", "96210", 1.8, "centre", "mkb", "kapper", "Kapsalon en barbershop"),
    _B("96022", "96220", 1.0, "centre", "mkb", "beauty", "Nagelstudio en schoonheidssalon"),
    _B("9604", "96230", 0.3, "centre", "mkb", "wellness_centre", "Sauna en zonnestudio"),
    _B("92009", "92000", 0.2, "centre", "bv", "gokhal", "Speelautomatenhal"),
    _B("64194", "64194", 0.2, "centre", "bv", "bank", "Bankkantoor"),
    _B("7911", "79110", 0.3, "centre", "mkb", "reis", "Reisbureau"),
    _B("47789", "47789", 0.6, "centre", "mkb", "winkel", "Winkel in cadeau- en woonartikelen"),
    _B("47192", "47120", 0.3, "centre", "bv", "budget", "Winkel in diverse non-food artikelen"),
    _B("9529", "95290", 0.2, "centre", "zzp", "reparatie", "Reparatie van consumentenartikelen"),
    _B("9313", "93130", 0.3, "centre", "mkb", "fitness", "Fitnesscentrum"),
    _B("55102", "55102", 0.1, "centre", "bv", "hotel", "Hotel"),
    _B("96031", "96301", 0.1, "centre", "mkb", "uitvaart", "Uitvaartverzorging"),
    # ---- offices, about 15 %
    _B("6810", "68110", 1.2, "office", "holding", "vastgoed", "Handel in eigen onroerend goed"),
    _B("68204", "68203", 1.0, "office", "holding", "vastgoed", "Verhuur van bedrijfsruimte"),
    _B("6831", "68310", 0.8, "office", "mkb", "makelaar", "Makelaardij in onroerend goed"),
    _B("6832", "68320", 0.6, "office", "bv", "vastgoed", "Beheer van onroerend goed"),
    _B("6420", "64210", 1.5, "office", "holding", "holding", "Financiële holding"),
    _B("70102", "70102", 1.0, "office", "holding", "holding", "Holding en concerndiensten"),
    _B("7810", "78100", 0.5, "office", "bv", "uitzend", "Arbeidsbemiddeling en werving"),
    _B("78201", "78201", 1.0, "office", "bv", "uitzend", "Uitzendbureau"),
    _B("78202", "78202", 0.4, "office", "bv", "uitzend", "Uitlenen van personeel"),
    _B("69101", "69101", 0.6, "office", "prof", "advocaat", "Advocatenkantoor"),
    _B("69201", "69201", 0.4, "office", "prof", "accountant", "Accountantskantoor"),
    _B("69202", "69202", 0.5, "office", "prof", "accountant", "Administratie en jaarrekeningen"),
    _B("69204", "69204", 0.4, "office", "mkb", "belasting", "Belastingadvies"),
    _B("6622", "66220", 0.5, "office", "mkb", "verzekering", "Bemiddeling in verzekeringen"),
    _B("71111", "71111", 0.4, "office", "prof", "architect", "Architectenbureau"),
    _B("7112", "71120", 0.6, "office", "bv", "ingenieur", "Ingenieursbureau"),
    _B("6202", "62200", 0.8, "office", "bv", "it", "IT-dienstverlening"),
    _B("70221", "70201", 1.0, "office", "bv", "advies", "Organisatieadviesbureau"),
    _B("7311", "73110", 0.4, "office", "bv", "marketing", "Reclamebureau"),
    _B("94996", "94996", 0.5, "office", "stichting", "stichting", "Ideële organisatie"),
    _B("88999", "88999", 0.4, "office", "stichting", "stichting", "Welzijnswerk en advies"),
    _B("9411", "94110", 0.2, "office", "vereniging", "vereniging", "Ondernemersvereniging"),
    # ---- bedrijventerreinen, about 17 %
    _B("45112", "47810", 1.0, "industry", "mkb", "autohandel", "Handel in gebruikte auto's"),
    _B("45112", "95311", 1.0, "industry", "mkb", "garage", "Onderhoud en reparatie van auto's"),
    _B("45201", "95312", 0.4, "industry", "mkb", "garage", "Autoservice en onderdelen"),
    _B("45202", "95313", 0.3, "industry", "mkb", "banden", "Bandenservice"),
    _B("45204", "95315", 0.3, "industry", "mkb", "carrosserie", "Schadeherstel en spuiterij"),
    _B("45205", "95316", 0.4, "industry", "mkb", "autowas", "Poetsen, wassen en bergen van auto's"),
    _B("45311", "46720", 0.3, "industry", "bv", "onderdelen", "Groothandel in auto-onderdelen"),
    _B("4532", "47820", 0.2, "industry", "mkb", "onderdelen", "Verkoop van auto-onderdelen"),
    _B("45402", "47830", 0.15, "industry", "mkb", "motor", "Verkoop en reparatie van scooters"),
    _B("77111", "77111", 0.3, "industry", "bv", "autoverhuur", "Verhuur van auto's en busjes"),
    _B("52109", "52109", 0.8, "industry", "bv", "logistiek", "Opslag en distributie"),
    _B("4941", "49410", 1.0, "industry", "bv", "transport", "Transport en logistiek"),
    _B("46902", "46902", 0.6, "industry", "bv", "groothandel", "Groothandel in diverse goederen"),
    _B("46901", "46901", 0.5, "industry", "bv", "groothandel", "Groothandel in consumentenartikelen"),
    _B("4639", "46390", 0.4, "industry", "bv", "groothandel", "Groothandel in levensmiddelen"),
    _B("46739", "46839", 0.3, "industry", "bv", "groothandel", "Groothandel in bouwmaterialen"),
    _B("46699", "46649", 0.3, "industry", "bv", "groothandel", "Groothandel in machines"),
    _B("2562", "25530", 0.3, "industry", "bv", "techniek", "Metaalbewerking en constructie"),
    _B("33121", "33121", 0.3, "industry", "bv", "techniek", "Onderhoud van machines"),
    _B("4120", "41000", 0.8, "industry", "mkb", "bouw", "Bouwbedrijf"),
    _B("43222", "43222", 0.4, "industry", "bv", "installatie", "Verwarming en luchtbehandeling"),
    _B("4321", "43212", 0.4, "industry", "bv", "installatie", "Elektrotechniek"),
    _B("3811", "38110", 0.1, "industry", "bv", "afval", "Inzameling van afval"),
    _B("1071", "10710", 0.1, "industry", "bv", "productie", "Productie van brood en banket"),
    _B("8130", "81301", 0.2, "industry", "mkb", "hovenier", "Hoveniersbedrijf"),
    _B("4730", "47300", 0.1, "industry", "bv", "tankstation", "Tankstation"),
    # ---- facilities, about 3 %
    _B("85201", "85201", 0.5, "facility", "publiek", "school", "Basisonderwijs"),
    _B("85314", "85311", 0.1, "facility", "publiek", "school_vo", "Voortgezet onderwijs"),
    _B("93112", "93112", 0.2, "facility", "publiek", "sportaccommodatie", "Exploitatie van een sporthal"),
    _B("93121", "93121", 0.3, "facility", "vereniging", "voetbal", "Voetbalvereniging"),
    _B("8621", "86210", 0.4, "facility", "prof", "huisarts", "Huisartsenpraktijk"),
    _B("86231", "86230", 0.3, "facility", "prof", "tandarts", "Tandartspraktijk"),
    _B("86912", "86950", 0.4, "facility", "zzp", "fysio", "Fysiotherapie"),
    _B("94911", "94910", 0.3, "facility", "kerk", "kerk", "Kerkelijke gemeente"),
    _B("88911", "88910", 0.3, "facility", "publiek", "kinderopvang", "Kinderdagverblijf"),
)

# Extra entries used only by planted situations.
MASSAGE = (
    _B("96022", "96220", 0.0, "home", "zzp", "massage", "Massages en schoonheidsbehandelingen"),
    _B("9604", "96230", 0.0, "home", "zzp", "massage", "Wellness en ontspanningsmassage"),
    _B("9609", "96990", 0.0, "home", "zzp", "massage", "Thaise massage en overige dienstverlening"),
)
AUTOMOTIVE = tuple(b for b in BRANCHES if b.sbi2008.startswith("45") or b.sbi2008 == "77111")

PLEKKEN = ("home", "centre", "office", "industry", "facility")
RECHTSVORMEN: dict[str, tuple[tuple[str, float], ...]] = {
    "zzp": (("Eenmanszaak", 0.82), ("Besloten Vennootschap", 0.1),
            ("Vennootschap onder firma", 0.08)),
    "mkb": (("Besloten Vennootschap", 0.45), ("Eenmanszaak", 0.35),
            ("Vennootschap onder firma", 0.18), ("Commanditaire Vennootschap", 0.02)),
    "bv": (("Besloten Vennootschap", 0.9), ("Naamloze Vennootschap", 0.02), ("Eenmanszaak", 0.08)),
    "holding": (("Besloten Vennootschap", 1.0),),
    "prof": (("Besloten Vennootschap", 0.5), ("Maatschap", 0.2), ("Eenmanszaak", 0.3)),
    "stichting": (("Stichting", 0.85), ("Vereniging", 0.15)),
    "vereniging": (("Vereniging", 0.8), ("Stichting", 0.2)),
    "publiek": (("Stichting", 0.7), ("Vereniging", 0.1), ("Besloten Vennootschap", 0.2)),
    "kerk": (("Kerkgenootschap", 0.6), ("Stichting", 0.4)),
}
CHAIN_KINDS = ("super", "telecom", "uitzend", "bank", "apotheek", "mode", "schoen", "reis",
               "budget", "optiek", "autoverhuur", "fitness")

PLEK_SHARE = {"home": 0.45, "centre": 0.20, "office": 0.15, "industry": 0.17, "facility": 0.03}


def weights() -> np.ndarray:
    """Probability of each branch: weights within a plek, scaled to that plek's share."""
    w = np.array([b.weight for b in BRANCHES])
    plek = np.array([b.plek for b in BRANCHES])
    for name, share in PLEK_SHARE.items():
        mask = plek == name
        w[mask] *= share / w[mask].sum()
    return w / w.sum()


def omschrijving_2025(code: str) -> str:
    return SBI2025_OMSCHRIJVING.get(code, "")


def omschrijving_2008(code: str) -> str:
    return SBI2008_OMSCHRIJVING.get(code, "")
