SELECT * FROM vernietiging ORDER BY vernietigd_op DESC, casusnummer;
