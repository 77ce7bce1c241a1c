-- One row per area of profiel_gebied (park_basis.sql): size, buildings, addresses, active
-- vestigingen, vestigingen per pand, automotive share and RDW coverage.
WITH panden AS (SELECT gebied_id, count(*) AS panden FROM profiel_pand GROUP BY ALL),
vbo AS (
    SELECT l.gebied_id, count(*) AS verblijfsobjecten
    FROM gebied_lid l JOIN profiel_gebied USING (gebied_id) GROUP BY ALL
), actief AS (
    SELECT gebied_id, count(*) AS vestigingen, count(DISTINCT pand) AS panden_met_vestiging,
           count(*) FILTER (WHERE automotive) AS automotive,
           count(*) FILTER (WHERE automotive AND rdw_op_adres) AS automotive_rdw_adres,
           count(*) FILTER (WHERE automotive AND (rdw_op_adres OR rdw_in_pand))
               AS automotive_rdw_pand
    FROM profiel_vestiging WHERE actief GROUP BY ALL
), per_pand AS (
    SELECT gebied_id, max(n) AS max_per_pand
    FROM (SELECT gebied_id, pand, count(*) AS n FROM profiel_vestiging WHERE actief GROUP BY ALL)
    GROUP BY ALL
)
SELECT k.gebied_id, k.soort, k.naam, k.bron, k.bron_naam, k.oppervlakte_ha,
       coalesce(p.panden, 0) AS panden, coalesce(b.verblijfsobjecten, 0) AS verblijfsobjecten,
       coalesce(a.vestigingen, 0) AS vestigingen,
       coalesce(a.panden_met_vestiging, 0) AS panden_met_vestiging,
       round(a.vestigingen / nullif(a.panden_met_vestiging, 0), 1) AS per_pand,
       m.max_per_pand, coalesce(a.automotive, 0) AS automotive,
       coalesce(a.automotive_rdw_adres, 0) AS automotive_rdw_adres,
       coalesce(a.automotive_rdw_pand, 0) AS automotive_rdw_pand
FROM profiel_gebied k
LEFT JOIN panden p USING (gebied_id)
LEFT JOIN vbo b USING (gebied_id)
LEFT JOIN actief a USING (gebied_id)
LEFT JOIN per_pand m USING (gebied_id)
ORDER BY k.soort DESC, k.naam, k.bron
