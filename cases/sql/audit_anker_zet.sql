-- Move the anchor forward only: a slower writer never sets it back.
INSERT INTO audit_anker (id, seq, hash, tijd) VALUES (1, $seq, $hash, current_localtimestamp())
ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, tijd = excluded.tijd
WHERE excluded.seq > audit_anker.seq;
