"""Where the bundled data live inside the installed package."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
TABLES_DIR = PACKAGE_DIR / "tables"
DATAPACKAGE = PACKAGE_DIR / "datapackage.json"
CATALOG = PACKAGE_DIR / "catalog.yaml"
REFS_BIB = PACKAGE_DIR / "refs.bib"
# Raw copies sit at the repository root; only the build step reads them.
RAW_DIR = PACKAGE_DIR.parents[2] / "data" / "raw"
