INSERT INTO koppeling (id, casus_id, object_type, object_id, omschrijving, buurtcode, gekoppeld_op,
                       gekoppeld_door)
SELECT $id, $casus_id, $object_type, $object_id, $omschrijving, $buurtcode, $nu, $door
WHERE NOT EXISTS (SELECT 1 FROM koppeling
                  WHERE casus_id = $casus_id AND object_type = $object_type AND object_id = $object_id)
RETURNING id;
