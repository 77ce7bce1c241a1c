UPDATE casus SET hypothese = $hypothese, doel = $doel, strategie = $strategie,
                 interventieplan = $interventieplan
WHERE id = $id;
