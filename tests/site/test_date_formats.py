"""One date format in the application's own templates (issue 13): "j F Y" for a date and
"j F Y H:i" for a moment ("3 maart 2026", "3 maart 2026 14:05"), the Dutch defaults.

Every ``|date:"…"`` in ``templates/`` is read; anything else must be on the allow-list below
with its reason (exports, letters, mails and calendar files have their own needs; a month or
a time of day on its own is not a date).
"""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
DATE_FILTER = re.compile(r"""\|date(?::\s*(?P<quote>["'])(?P<format>.*?)(?P=quote))?""")
ALLOWED_FORMATS = {"j F Y", "j F Y H:i", None}  # None: plain |date, the locale's "j F Y"

# (template relative to templates/, format) -> why it differs.
ALLOWED = {
    # The printed agenda and its mail are documents sent out: the weekday of the meeting
    # belongs in the letter-style text.
    ("dossiers/agenda_pdf.html", "l j F Y"): "printed agenda (export)",
    ("dossiers/agenda_mail.txt", "l j F Y"): "agenda mail (letter)",
    # A month, not a date: the access review is done per month.
    ("reports/access_review_index.html", "F Y"): "month of the access review",
    ("reports/access_review_index.html", "Y-m"): "machine-readable data attribute",
    # A time of day after a full timestamp ("3 maart 2026 14:00 – 16:00").
    ("snippets/training_agenda.html", "H:i"): "end time of a training after its start",
}


def date_formats() -> list[tuple[str, str | None]]:
    found = []
    for path in sorted(TEMPLATES.rglob("*")):
        if not path.is_file() or path.suffix not in {".html", ".txt", ".ics", ".xml"}:
            continue
        for match in DATE_FILTER.finditer(path.read_text(encoding="utf-8")):
            found.append((str(path.relative_to(TEMPLATES)), match.group("format")))
    return found


def test_templates_use_one_date_format():
    other = sorted(
        {
            (name, fmt)
            for name, fmt in date_formats()
            if fmt not in ALLOWED_FORMATS and (name, fmt) not in ALLOWED
        }
    )
    assert not other, (
        'Dates in the app\'s templates are "j F Y", timestamps "j F Y H:i"; found: '
        + ", ".join(f"{name}: {fmt!r}" for name, fmt in other)
    )


def test_the_allow_list_has_no_stale_entries():
    assert set(ALLOWED) <= set(date_formats())


def test_the_check_sees_a_short_month():
    assert DATE_FILTER.search('{{ x|date:"j M Y" }}').group("format") == "j M Y"
    assert DATE_FILTER.search("{{ x|date:'d-m-Y' }}").group("format") == "d-m-Y"
