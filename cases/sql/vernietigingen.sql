SELECT casusnummer, vernietigd_op, uitgevoerd_door, grondslag
FROM vernietiging
ORDER BY vernietigd_op DESC, casusnummer;
