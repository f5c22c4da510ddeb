"""The Dutch catalogue is complete: no untranslated or fuzzy entry, none missing (ADR 0002)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from fill_catalogue import fill_catalogue, parse

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"
COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    ".git",
    "staticfiles",
    "media",
    ".test-media",
    "test-results",
    "db.sqlite3*",
    "__pycache__",
    "*.mo",
)


def untranslated_or_fuzzy(path: Path) -> list[str]:
    return [
        entry.fields["msgid"]
        for entry in parse(path)
        if entry.fields.get("msgid") and (entry.fuzzy or not all(entry.translations))
    ]


def test_catalogue_has_no_untranslated_or_fuzzy_entries():
    assert untranslated_or_fuzzy(CATALOGUE) == []


def test_compiled_catalogue_matches_the_po_file(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", compiled, CATALOGUE], check=True)
    assert compiled.read_bytes() == CATALOGUE.with_suffix(".mo").read_bytes(), (
        "django.mo is out of date: run `make messages`"
    )


@pytest.mark.slow
def test_makemessages_finds_no_string_missing_from_the_catalogue(tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
    makefile = (ROOT / "Makefile").read_text()
    ignores = re.search(r"MAKEMESSAGES_IGNORE := (.*?)\n(?!\t)", makefile, re.S).group(1)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-obsolete"]
        + ["--no-location", *ignores.replace("\\", " ").split()],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    missing = untranslated_or_fuzzy(copy / "locale" / "nl" / "LC_MESSAGES" / "django.po")
    assert missing == [], f"run `make messages`; not in the catalogue yet: {missing}"


def test_third_party_strings_are_dutch():
    with translation.override("nl"):
        assert translation.gettext("Scheduled tasks") == "Geplande taken"
        assert translation.gettext("access attempts") == "inlogpogingen"
        assert translation.gettext("Please select a device.") == "Kies een apparaat."
        # Wagtail's own Dutch is untouched.
        assert translation.gettext("Sign in") == "Inloggen"


def test_fill_catalogue_fills_own_strings_keeps_translations_and_merges_third_party(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: \\n"\n\n'
        'msgid "Eigen tekst"\nmsgstr ""\n\n'
        'msgid "Vertaald"\nmsgstr "Echt vertaald"\n\n'
        '#, fuzzy\n#| msgid "Oude tekst"\nmsgid "Nieuwe tekst"\nmsgstr "Oude tekst"\n\n'
        'msgid "%(n)d dossier"\nmsgid_plural "%(n)d dossiers"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    third = tmp_path / "thirdparty.po"
    third.write_text('msgid ""\nmsgstr ""\n\nmsgid "Once"\nmsgstr "Eenmalig"\n', encoding="utf-8")
    fill_catalogue(po, third)
    fill_catalogue(po, third)  # idempotent
    entries = {e.fields.get("msgid"): e for e in parse(po)}
    assert entries["Eigen tekst"].fields["msgstr"] == "Eigen tekst"
    assert entries["Vertaald"].fields["msgstr"] == "Echt vertaald"
    assert entries["Nieuwe tekst"].fields["msgstr"] == "Nieuwe tekst"
    assert not entries["Nieuwe tekst"].fuzzy
    assert entries["%(n)d dossier"].translations == ["%(n)d dossier", "%(n)d dossiers"]
    assert entries["Once"].fields["msgstr"] == "Eenmalig"
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in entries[""].fields["msgstr"]
    assert untranslated_or_fuzzy(po) == []
    assert len(parse(po)) == 6
