-- After converting an old-format audit log (cases.audit_legacy): the same seq, a new mac.
INSERT OR REPLACE INTO audit_anker (id, seq, hash, tijd) VALUES (1, $seq, $hash, current_localtimestamp());
