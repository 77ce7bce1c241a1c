SELECT seq, hash FROM audit_anker WHERE id = 1;
