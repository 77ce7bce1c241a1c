"""The BAG source kinds: bag-light GeoPackage, LVBAG XML extract, PDOK OGC API."""
