-- Snapshot metadata as key/value pairs (gemeentenaam, gemeentecode, peildatum, is_demo, gebouwd_op).
SELECT sleutel, waarde
FROM meta;
