-- The map rights of one datarol (after kaartrol_wis): $thema, and $groepen, $lagen, $signalen (lists).
INSERT INTO kaartrol
SELECT $thema, soort, waarde FROM (
    SELECT 'groep' AS soort, unnest($groepen::VARCHAR[]) AS waarde
    UNION ALL SELECT 'laag', unnest($lagen::VARCHAR[])
    UNION ALL SELECT 'signaal', unnest($signalen::VARCHAR[]));
