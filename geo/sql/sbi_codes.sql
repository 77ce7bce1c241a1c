-- The SBI codes the tree is built from, per version: every code the snapshot knows. With a
-- full list loaded (bron 'lijst') that is every code with its official description; otherwise
-- the codes in use as KVK described them (bron 'kvk'), and intermediate levels have no name.
SELECT versie, code, omschrijving, bron
FROM sbi_code
ORDER BY versie, code
