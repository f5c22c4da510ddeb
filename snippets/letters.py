"""Letter placeholders: the documented list, the check on save, and the substitution.

A template writes ``{{ naam }}`` (spaces optional) where a value goes. The values are escaped
before they enter the rich text, except the signature block, which is the programme team's
own rich text from the letter settings.
"""

import re
from collections.abc import Mapping

from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

PLACEHOLDER = re.compile(r"\{\{\s*([^{}\s]*)\s*\}\}")

# name -> what it becomes; shown as help text beside the template fields.
PLACEHOLDERS: dict[str, str] = {
    "naam": _("naam van de ontvanger"),
    "adres": _("adresblok van de ontvanger (straat, postcode en woonplaats)"),
    "datum": _("datum van de brief"),
    "datum_besluit": _("datum van het besluit van het Regieoverleg"),
    "naam_persoon": _("naam van de persoon in de aanpak (in brieven aan ouders of familie)"),
    "regisseur": _("naam van de regisseur"),
    "organisatie_regisseur": _("organisatie van de regisseur"),
    "instelling": _("naam van de PI of JJI (bij detentie)"),
    "kenmerk": _("dossiernummer als kenmerk"),
    "ondertekening": _("ondertekening namens de burgemeester (uit de briefinstellingen)"),
}
# Values that are already HTML (the signature block).
HTML_PLACEHOLDERS = frozenset({"ondertekening"})


def placeholder_help() -> str:
    """The list of placeholders, for help texts."""
    return "; ".join(f"{{{{ {name} }}}}: {label}" for name, label in PLACEHOLDERS.items())


def unknown_placeholders(text: str) -> list[str]:
    """The placeholder names in ``text`` that are not documented, in order of appearance."""
    found = []
    for name in PLACEHOLDER.findall(text or ""):
        if name not in PLACEHOLDERS and name not in found:
            found.append(name)
    return found


def fill_placeholders(text: str, values: Mapping[str, str], *, html: bool = True) -> str:
    """``text`` with every placeholder replaced; values escaped when ``text`` is HTML."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        value = str(values.get(name, ""))
        if not html or name in HTML_PLACEHOLDERS:
            return value
        return escape(value).replace("\n", "<br>")

    return PLACEHOLDER.sub(replace, text or "")


def letter_document_context(*, template, values: Mapping[str, str]) -> dict:
    """What ``snippets/letter_document.html`` needs to show ``template`` filled with ``values``.

    The same context serves the admin preview (demo values) and the PDF (a real letter).
    """
    from django.utils.safestring import mark_safe
    from wagtail.rich_text import expand_db_html

    from snippets.models import LetterSettings

    settings = LetterSettings.load()
    values = {**values, "ondertekening": expand_db_html(settings.signature_block)}
    body = fill_placeholders(expand_db_html(template.body), values)
    return {
        "sender_lines": settings.sender_block.splitlines(),
        "place": settings.place,
        "address_lines": str(values.get("adres", "")).splitlines(),
        "letter_date": values.get("datum", ""),
        "reference": values.get("kenmerk", ""),
        "subject_line": fill_placeholders(template.subject_line, values, html=False),
        "body": mark_safe(body),  # noqa: S308 (values are escaped by fill_placeholders)
    }
