"""Tables that read Dutch: every count with a thousands separator (1.234) and every fraction
with a decimal comma (0,75), like the metrics above them, while sorting a column still sorts
by number (a pandas Styler changes what is shown, not the values).

Columns that hold identifiers or years (name contains 'jaar', 'nummer', 'code', 'regel' or 'id')
are left as they are: 2017 is a year, not 2.017.
"""

from __future__ import annotations

import math

import pandas as pd

from geo.nlformat import LEEG, getal

GEEN_SCHEIDING = ("jaar", "nummer", "code", "regel", "id", "versie")


def nl_tabel(rijen: list[dict] | pd.DataFrame):
    """The rows as a Styler with Dutch numbers (a plain DataFrame when there is nothing to format)."""
    df = rijen if isinstance(rijen, pd.DataFrame) else pd.DataFrame(rijen)
    formats = {c: _format(df[c]) for c in df.columns if _is_getal(df, c)}
    return df.style.format(formats, na_rep=LEEG) if formats else df


def nl_waarde(kolom: str, waarde):
    """One cell of a static table (st.table) the same way: counts Dutch, years and ids as they are."""
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        return waarde
    if any(w in str(kolom).lower() for w in GEEN_SCHEIDING):
        return waarde
    return getal(waarde, 0 if float(waarde).is_integer() else 2)


def _is_getal(df: pd.DataFrame, kolom) -> bool:
    naam = str(kolom).lower()
    reeks = df[kolom]
    return (not any(w in naam for w in GEEN_SCHEIDING) and pd.api.types.is_numeric_dtype(reeks)
            and not pd.api.types.is_bool_dtype(reeks))


def _format(reeks: pd.Series):
    waarden = [v for v in reeks.dropna().tolist()]
    geheel = all(float(v).is_integer() for v in waarden)
    decimalen = 0 if geheel else 2

    def toon(v) -> str:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return LEEG
        return getal(v, decimalen)

    return toon
