-- The verblijfsobjecten of area $gebied (as the build placed them). Stands alone.
SELECT verblijfsobject_id FROM gebied_lid WHERE gebied_id = $gebied
