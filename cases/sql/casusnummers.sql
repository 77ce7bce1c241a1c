-- Case id -> casusnummer, also of destroyed cases (their proof of destruction keeps the number),
-- so the audit view names cases as users know them.
SELECT id AS casus_id, casusnummer FROM casus
UNION ALL
SELECT casus_id, casusnummer FROM vernietiging
