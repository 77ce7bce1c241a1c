-- Case id -> casusnummer of the live cases. A destroyed case keeps no internal id in the store; the
-- audit view takes its number from the log's own vernietiging line (ui.components.object_namen).
SELECT id AS casus_id, casusnummer FROM casus
