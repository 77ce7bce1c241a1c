-- Definitions every query shares. The pipeline stores them in each snapshot (so every
-- connection and cursor sees them) and geo.db.connect adds them to scratch databases.

-- Active on a date: registered on or before it and not ended by then. The one definition.
CREATE OR REPLACE MACRO is_actief(aanvang, einde, peildatum) AS
    (aanvang IS NULL OR aanvang <= CAST(peildatum AS DATE))
    AND (einde IS NULL OR einde > CAST(peildatum AS DATE));
