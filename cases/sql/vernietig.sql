-- Destroy cases for good: every row that belongs to them, in every table.
-- Run with the DuckDB variable vernietig_ids (VARCHAR[]) set; the caller then rewrites the file.
DELETE FROM koppeling       WHERE list_contains(getvariable('vernietig_ids')::VARCHAR[], casus_id);
DELETE FROM notitie         WHERE list_contains(getvariable('vernietig_ids')::VARCHAR[], casus_id);
DELETE FROM bronraadpleging WHERE list_contains(getvariable('vernietig_ids')::VARCHAR[], casus_id);
DELETE FROM interventie     WHERE list_contains(getvariable('vernietig_ids')::VARCHAR[], casus_id);
DELETE FROM gebeurtenis     WHERE list_contains(getvariable('vernietig_ids')::VARCHAR[], casus_id);
DELETE FROM casus           WHERE list_contains(getvariable('vernietig_ids')::VARCHAR[], id);
