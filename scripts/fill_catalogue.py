#!/usr/bin/env python
"""Complete the Dutch catalogue after ``makemessages`` (run by ``make messages``).

Our msgids are Dutch (docs/adr/0002), so an empty or fuzzy msgstr gets its own msgid; a real
translation is kept. Translations of third-party strings (django-otp, django-axes, django-q2
ship no Dutch) live in ``locale/thirdparty-nl.po`` and are merged in, because ``makemessages
--no-obsolete`` drops every msgid that is not in our own source. The header gets the Dutch
language and plural rule. Usage: fill_catalogue.py locale/nl/LC_MESSAGES/django.po
"""

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

THIRD_PARTY = Path(__file__).resolve().parent.parent / "locale" / "thirdparty-nl.po"
HEADER_FIELDS = {
    "Project-Id-Version": "ipga-volgsysteem",
    "Language-Team": "Nederlands",
    "Language": "nl",
    "Content-Type": "text/plain; charset=UTF-8",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}
_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (\".*\")$")


@dataclass
class Entry:
    comments: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)  # keyword -> unquoted text

    @property
    def key(self) -> tuple[str, str]:
        return self.fields.get("msgctxt", ""), self.fields.get("msgid", "")

    @property
    def fuzzy(self) -> bool:
        return any(c.startswith("#,") and "fuzzy" in c for c in self.comments)

    @property
    def translations(self) -> list[str]:
        return [v for k, v in self.fields.items() if k.startswith("msgstr")]


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def unquote(text: str) -> str:
    """The text of a PO string literal (without its quotes, escapes resolved)."""
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text[1:-1])


def quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if len(parts) <= 1:
        return f'"{parts[0] if parts else ""}"'
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def parse(path: Path) -> list[Entry]:
    entries, entry, keyword = [], Entry(), None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry.fields or entry.comments:
                entries.append(entry)
            entry, keyword = Entry(), None
        elif line.startswith("#"):
            entry.comments.append(line)
        elif match := _KEYWORD.match(line):
            keyword = match.group(1)
            entry.fields[keyword] = unquote(match.group(2))
        elif line.startswith('"') and keyword:
            entry.fields[keyword] += unquote(line)
    return entries


def render(entries: list[Entry]) -> str:
    blocks = []
    for entry in entries:
        lines = list(entry.comments)
        lines += [f"{keyword} {quote(text)}" for keyword, text in entry.fields.items()]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def fix_header(entry: Entry) -> None:
    """Dutch language and plural rule; never fuzzy (msgfmt would ignore a fuzzy header)."""
    lines = [line for line in entry.fields.get("msgstr", "").split("\n") if line]
    values = dict(line.split(": ", 1) for line in lines if ": " in line)
    values.update(HEADER_FIELDS)
    entry.fields["msgstr"] = "".join(f"{k}: {v}\n" for k, v in values.items())
    drop_fuzzy(entry)


def drop_fuzzy(entry: Entry) -> None:
    comments = []
    for comment in entry.comments:
        if comment.startswith("#|"):
            continue  # the previous msgid msgmerge kept for a fuzzy match
        if comment.startswith("#,"):
            flags = [f.strip() for f in comment[2:].split(",") if f.strip() != "fuzzy"]
            if not flags:
                continue
            comment = "#, " + ", ".join(flags)
        comments.append(comment)
    entry.comments = comments


def fill_own(entry: Entry) -> None:
    """An own (Dutch) msgid without a real translation gets itself as translation."""
    if entry.fuzzy or not any(entry.translations):
        singular = entry.fields["msgid"]
        plural = entry.fields.get("msgid_plural")
        if plural is None:
            entry.fields["msgstr"] = singular
        else:
            for keyword in [k for k in entry.fields if k.startswith("msgstr")]:
                entry.fields[keyword] = plural if keyword != "msgstr[0]" else singular
        drop_fuzzy(entry)


def fill_catalogue(path: Path, third_party: Path = THIRD_PARTY) -> None:
    entries = parse(path)
    third = (
        {e.key: e for e in parse(third_party) if e.fields.get("msgid")}
        if third_party.exists()
        else {}
    )
    for entry in entries:
        if entry.key == ("", ""):
            fix_header(entry)
        elif entry.key in third and (entry.fuzzy or not any(entry.translations)):
            entry.fields = dict(third[entry.key].fields)
            drop_fuzzy(entry)
        else:
            fill_own(entry)
    present = {entry.key for entry in entries}
    entries += [entry for key, entry in third.items() if key not in present]
    path.write_text(render(entries), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("gebruik: fill_catalogue.py locale/nl/LC_MESSAGES/django.po")
    fill_catalogue(Path(sys.argv[1]))
