-- Rows of one table a source kind fills (loaders.registry: SourceKind.tabellen), by its name.
SELECT count(*) FROM query_table($tabel);
