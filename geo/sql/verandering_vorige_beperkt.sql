-- The previous snapshot's vestigingen a user with map rights may see: those visible in the
-- current snapshot (kaartrecht_zichtbaar, geo/sql/kaartrechten.sql). One the newer delivery no
-- longer holds has no branch group to judge it by and stays hidden.
CREATE OR REPLACE TEMP VIEW vorige_vestiging AS
SELECT o.* FROM vorige.vestiging o SEMI JOIN kaartrecht_zichtbaar z USING (vestigingsnummer);
