-- Fails when branch membership (branche_lid) is not available on this connection.
SELECT 1 FROM branche_lid LIMIT 0
