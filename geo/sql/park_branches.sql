-- Active vestigingen per area and branch group (SBI hoofdactiviteit), for the branch mix.
SELECT pv.gebied_id, b.groep, count(*) AS aantal
FROM profiel_vestiging pv
JOIN branche_vestiging b USING (vestigingsnummer)
WHERE pv.actief AND b.op_hoofd
GROUP BY ALL
ORDER BY pv.gebied_id, b.groep
