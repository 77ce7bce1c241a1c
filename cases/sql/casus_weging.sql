UPDATE casus SET
    is_ondermijning = $is_ondermijning, rol_gemeente = $rol_gemeente,
    eigen_grondgebied = $eigen_grondgebied, zwaarte = $zwaarte,
    weging_toelichting = $weging_toelichting, route = $route
WHERE id = $id;
