"""Everything Zicht hands out of the app: the map as PNG/PDF (mapshot), HTML and GeoPackage, the
DOOK CSV/XLSX tables with their accountability, the KernCluster PDF.

Reads snapshots through geo; never imports ui or streamlit, and geo never imports this package.
"""

from pathlib import Path

EXPORTS_SQL = Path(__file__).parent / "sql"
