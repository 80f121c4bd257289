"""`make catalogs`: pybabel update every catalog from locales/noticegen.pot, keeping each catalog's review
header (X-Review-Status, X-Reviewed-By, X-Review-Date, X-Translated-By), which Babel's writer drops."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from noticegen.lang.catalogs import REVIEW_HEADERS, po_headers, with_headers

KEEP = (*REVIEW_HEADERS, "X-Translated-By")


def main() -> int:
    root = Path(__file__).resolve().parent.parent / "locales"
    files = sorted(root.glob("*/LC_MESSAGES/noticegen.po"))
    saved = {}
    for po in files:
        headers = po_headers(po.read_text(encoding="utf-8"))
        saved[po] = {name: headers[name] for name in KEEP if name in headers}
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run([str(pybabel), "update", "-i", str(root / "noticegen.pot"), "-d", str(root), "-D", "noticegen",
                    "--no-fuzzy-matching"], check=True)
    for po, headers in saved.items():
        if headers:
            po.write_text(with_headers(po.read_text(encoding="utf-8"), headers), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
