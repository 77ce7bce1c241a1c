"""Errors of the case register; `str()` of each is a Dutch message for the user."""

from __future__ import annotations


class CasusFout(Exception):
    """Base of every error the case register raises; str(error) is a Dutch message for the user."""


class NietGevonden(CasusFout):
    def __init__(self, casus_id: str = ""):
        super().__init__(f"Casus '{casus_id}' niet gevonden." if casus_id else "Casus niet gevonden.")


class GeenToegang(CasusFout):
    pass


class OngeldigeOvergang(CasusFout):
    pass


class VersieConflict(CasusFout):
    pass


class OngeldigeInvoer(CasusFout):
    pass


class OpslagFout(CasusFout):
    """The case store cannot be opened or written (key, lock, file)."""


class SleutelFout(OpslagFout):
    pass


class InlogFout(CasusFout):
    pass


class AuditFout(CasusFout):
    pass
