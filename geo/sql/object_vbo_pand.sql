-- The pand a verblijfsobject lies in.
SELECT pand_identificatie FROM verblijfsobject WHERE identificatie = $vbo
