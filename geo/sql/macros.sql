-- Definitions every query shares. The pipeline stores them in each snapshot (so every
-- connection and cursor sees them) and geo.db.connect adds them to scratch databases.

-- Active on a date: registered on or before it and not ended by then. The one definition.
CREATE OR REPLACE MACRO is_actief(aanvang, einde, peildatum) AS
    (aanvang IS NULL OR aanvang <= CAST(peildatum AS DATE))
    AND (einde IS NULL OR einde > CAST(peildatum AS DATE));

-- The rule that linked a vestiging to a BAG object (koppel_kandidaat.regel), in words.
CREATE OR REPLACE MACRO koppel_regel_tekst(regel) AS CASE regel
    WHEN 'bag_id' THEN 'op BAG-id'
    WHEN 'adres' THEN 'op postcode en huisnummer met toevoeging'
    WHEN 'toevoeging_anders_geschreven' THEN 'op postcode en huisnummer, toevoeging anders geschreven'
    WHEN 'huis_op_enig_adres' THEN 'op postcode en huisnummer (huis/begane grond, enig adres)'
    WHEN 'toevoeging_wijkt_af' THEN 'op postcode en huisnummer, toevoeging wijkt af'
    WHEN 'toevoeging_onbekend' THEN 'op postcode en huisnummer, toevoeging onbekend in BAG'
    WHEN 'nummer_zonder_toevoeging' THEN 'op postcode en huisnummer, toevoeging ontbreekt of past niet'
    WHEN 'straat_gelijkend' THEN 'op gelijkende straatnaam en huisnummer'
    WHEN 'coordinaten' THEN 'op coördinaten'
    ELSE CASE WHEN regel LIKE 'straat_%' THEN 'op straat en huisnummer (postcode ontbreekt of wijkt af)'
              ELSE regel END
END;

-- A match is certain from this score on (KVK and RDW alike); below it the card, Gegevens and the
-- downloads call it onzeker and show the candidates. Measured: tests/loaders/test_match_truth.py.
CREATE OR REPLACE MACRO koppeling_zeker(score) AS score >= 0.9;

-- One candidate of a KVK -> BAG match as the analyst reads it: address and score.
CREATE OR REPLACE MACRO kandidaat_tekst(adres, score) AS
    coalesce(adres, '?') || ' (score ' || replace(printf('%.2f', score), '.', ',') || ')';
