DELETE FROM koppeling WHERE id = $id AND casus_id = $casus_id RETURNING id;
