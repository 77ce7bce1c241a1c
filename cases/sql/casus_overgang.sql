-- A status change with the phase-4 fields it sets or clears (computed by cases.workflow).
UPDATE casus SET
    status = $status, besluit = $besluit, monitoring_tot = $monitoring_tot, einddatum = $einddatum,
    bewaartermijn_jaren = $bewaartermijn_jaren, vernietigen_op = $vernietigen_op
WHERE id = $id;
