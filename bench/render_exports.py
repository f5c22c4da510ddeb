"""Look at exports as a person would: write a listing export and the monitor workbook, let
LibreOffice headless render them to PDF and poppler to PNG (issue 16's visual check).

Needs ``soffice`` (apt-get install libreoffice-calc) and ``pdftoppm`` (poppler-utils); too heavy
for CI, so it is a manual step. Rows are fictional and built in memory (no database).
Run: .venv/bin/python bench/render_exports.py [--out DIR] ; then view the PNGs.
"""

import argparse
import datetime
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def main() -> None:
    import django

    django.setup()
    from django.utils import timezone

    from reports.exports import monitor_workbook
    from reports.periods import Period
    from reports.selectors import Table
    from reports.spreadsheets import SafeXlsxWriter

    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "ipga-exports"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    writer = SafeXlsxWriter(
        title="Ingezette interventies",
        headers=["Dossier", "Interventie", "Status", "Start", "Einde", "Uitvoerder", "Actief"],
        widths=[24, 30, 20, 12, 17, 24, 10],
    )
    for i in range(30):
        writer.write_row(
            [
                f"2026-{i:05d}",
                "=Mentortraject" if i == 3 else f"Fictieve interventie {i}",
                "Lopend" if i % 2 else "Gepland",
                datetime.date(2026, 3, 1) + datetime.timedelta(days=i),
                timezone.now(),
                "-Regisseur;=1+1" if i == 5 else "Fictieve organisatie",
                "Ja" if i % 3 else "Nee",
            ]
        )
    with open(out / "listing.xlsx", "wb") as handle:
        writer.save(handle)
    period = Period(start=datetime.date(2026, 4, 1), end=datetime.date(2026, 6, 30), label="Q2")
    tables = [Table("bron", "Meldingen per bron", [("Docent", 12), ("Ouder", 7), ("Politie", 3)])]
    (out / "monitor.xlsx").write_bytes(monitor_workbook(period=period, tables=tables))
    for name in ("listing", "monitor"):
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                out / f"{name}.xlsx",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", out / f"{name}.pdf", out / name], check=True
        )
    print("\n".join(sorted(str(p) for p in out.glob("*.png"))))


if __name__ == "__main__":
    main()
