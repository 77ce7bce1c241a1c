-- Next case number for a prefix such as 'DR-2026-': numbers of destroyed cases are never reused.
SELECT coalesce(max(TRY_CAST(split_part(nummer, '-', 3) AS INTEGER)), 0) + 1 AS volgend
FROM (SELECT casusnummer AS nummer FROM casus
      UNION ALL SELECT casusnummer FROM vernietiging)
WHERE starts_with(nummer, $prefix);
