-- The one place that decides which BAG objects count as current (every BAG loader uses it).
-- Objects that no longer exist or never existed are dropped; other statuses are kept as they are.
CREATE OR REPLACE TEMP MACRO bag_vervallen(status) AS status IN (
    'Verblijfsobject ingetrokken', 'Niet gerealiseerd verblijfsobject',
    'Verblijfsobject ten onrechte opgevoerd', 'Pand gesloopt', 'Niet gerealiseerd pand',
    'Pand ten onrechte opgevoerd', 'Plaats ingetrokken');
