"""Write the service worker's precache manifest for a finished site: the last step of `make build`.

`hooks/offline.py` writes `sw.js` when MkDocs finishes, but the downloads (study sheet PDFs,
Anki package, CSV) are made from the built site afterwards; this writes `sw.js` again over
the complete site so the offline copy holds them too. Run it after anything that changes the
site folder (it is cheap: it hashes the files).

Usage: `python scripts/offline_manifest.py [--site-dir site]`. Prints what is precached.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studyguide.offline_precache import SERVICE_WORKER, version, write_service_worker

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "docs" / "assets" / "sw.js"


def main(argv: list[str] | None = None) -> int:
    """Rewrite `SITE/sw.js` for the site as it is now; print the precache's size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    site: Path = args.site_dir
    if not (site / "index.html").is_file():
        print(f"{site}/index.html: no built site here — run `make site` first", file=sys.stderr)
        return 1
    entries = write_service_worker(site, TEMPLATE.read_text("utf-8"))
    size = sum(e.size for e in entries)
    worker = (site / SERVICE_WORKER).stat().st_size
    print(
        f"{site / SERVICE_WORKER}: version {version(entries)}, {len(entries)} files, "
        f"{size / 1024:.0f} KiB precached; worker {worker / 1024:.1f} KiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
