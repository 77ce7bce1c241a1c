-- Which areas each point lies in, into the temp table punt_gebied (gebied_id, id). Needs the
-- temp view punt (id, geom): afronden.sql runs this for addresses and for vestigingen.
--
-- Only the areas that cannot be derived are tested spatially (buurt, bedrijventerrein, eigen,
-- postcode: one R-tree-backed spatial join). A CBS wijk and gemeente follow from the buurt by
-- its codes (buurt.ouder_code = wijkcode, wijk.ouder_code = gemeentecode, in the same source):
-- CBS buurten lie inside their wijk, wijken inside their gemeente, so the answer is the same
-- and the join with the largest polygons is skipped. A point that gets no wijk or gemeente that
-- way (no buurt, a buurt without its wijk in the source, a gemeente loaded from another source)
-- is still tested spatially against the wijken and gemeenten of that source.
CREATE OR REPLACE TEMP TABLE punt_gebied AS
SELECT g.gebied_id, p.id
FROM punt p
JOIN (SELECT gebied_id, geom FROM gebied
      WHERE soort NOT IN ('wijk', 'gemeente') AND geom IS NOT NULL) g
  ON ST_Contains(g.geom, p.geom);

-- wijk and gemeente of each buurt by code, within one source
CREATE OR REPLACE TEMP TABLE buurt_ouder AS
SELECT b.gebied_id AS buurt_id, w.gebied_id AS wijk_id, m.gebied_id AS gemeente_id
FROM gebied b
LEFT JOIN gebied w ON w.soort = 'wijk' AND w.bron = b.bron AND w.code = b.ouder_code
LEFT JOIN gebied m ON m.soort = 'gemeente' AND m.bron = w.bron
 AND regexp_replace(m.code, '^GM', '') = regexp_replace(w.ouder_code, '^GM', '')
WHERE b.soort = 'buurt';

INSERT INTO punt_gebied
SELECT o.wijk_id, l.id FROM punt_gebied l JOIN buurt_ouder o ON o.buurt_id = l.gebied_id
WHERE o.wijk_id IS NOT NULL
UNION ALL
SELECT o.gemeente_id, l.id FROM punt_gebied l JOIN buurt_ouder o ON o.buurt_id = l.gebied_id
WHERE o.gemeente_id IS NOT NULL;

-- The rest spatially: per source and kind, the points that got no area of that kind above.
INSERT INTO punt_gebied
WITH afgeleid AS (
    SELECT DISTINCT l.id, g.bron, g.soort
    FROM punt_gebied l JOIN gebied g USING (gebied_id)
    WHERE g.soort IN ('wijk', 'gemeente')
), bron_soort AS (
    SELECT DISTINCT bron, soort FROM gebied WHERE soort IN ('wijk', 'gemeente') AND geom IS NOT NULL
), open AS (
    SELECT p.id, p.geom, s.bron, s.soort
    FROM punt p CROSS JOIN bron_soort s
    ANTI JOIN afgeleid a ON a.id = p.id AND a.bron = s.bron AND a.soort = s.soort
)
SELECT g.gebied_id, o.id
FROM open o
JOIN (SELECT gebied_id, bron, soort, geom FROM gebied
      WHERE soort IN ('wijk', 'gemeente') AND geom IS NOT NULL) g
  ON g.bron = o.bron AND g.soort = o.soort AND ST_Contains(g.geom, o.geom);
