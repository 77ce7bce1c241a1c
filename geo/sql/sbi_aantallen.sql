-- Active vestigingen on $peildatum per SBI version and node of the tree: section letter
-- ($secties: version, letter and range of divisions) and code prefixes of length 2 to 5. Every
-- activity counts, main or not; a vestiging counts once per node.
WITH codes AS (
    SELECT DISTINCT vestigingsnummer, sbi_versie, unnest(sbi_codes) AS code
    FROM vestiging
    WHERE is_actief(datum_aanvang, datum_einde, $peildatum) AND sbi_versie IS NOT NULL
), prefixen AS (
    SELECT vestigingsnummer, sbi_versie,
           left(code, unnest(range(2, length(code) + 1))) AS knoop
    FROM codes
), secties AS (
    SELECT unnest($secties, recursive := true)
), in_sectie AS (
    SELECT c.vestigingsnummer, c.sbi_versie, s.letter AS knoop
    FROM codes c JOIN secties s
      ON s.versie = c.sbi_versie AND try_cast(left(c.code, 2) AS INTEGER) BETWEEN s.van AND s.tot
)
SELECT sbi_versie AS versie, knoop, count(DISTINCT vestigingsnummer) AS aantal
FROM (SELECT * FROM prefixen UNION ALL SELECT * FROM in_sectie)
GROUP BY ALL
ORDER BY versie, knoop
