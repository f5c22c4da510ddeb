"""Letter placeholders: the documented list, the check on save, and the substitution.

A template writes ``{{ naam }}`` (spaces optional) where a value goes. The values are escaped
before they enter the rich text, except the signature block, which is the programme team's
own rich text from the letter settings.
"""

import base64
import mimetypes
import re
from collections.abc import Mapping

from django.contrib.staticfiles import finders
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import expand_db_html

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
    from snippets.models import LetterSettings  # the models use this module's placeholders

    settings = LetterSettings.load()
    values = {**values, "ondertekening": signature_html(settings)}
    body = fill_placeholders(expand_db_html(template.body), values)
    return {
        "logo_src": logo_data_uri(settings.logo),
        "footer_lines": settings.contact_footer.splitlines(),
        "sender_lines": settings.sender_block.splitlines(),
        "place": settings.place,
        "address_lines": str(values.get("adres", "")).splitlines(),
        "letter_date": values.get("datum", ""),
        "reference": values.get("kenmerk", ""),
        "subject_line": fill_placeholders(template.subject_line, values, html=False),
        "body": mark_safe(body),  # noqa: S308 (values are escaped by fill_placeholders)
    }


def signature_html(settings) -> str:
    """The signature block, then the signer's name and function (escaped) when set."""
    signer = [escape(line) for line in (settings.signer_name, settings.signer_function) if line]
    block = expand_db_html(settings.signature_block)
    if signer:
        block += '<p class="letter-signer">' + "<br>".join(signer) + "</p>"
    return block


def logo_data_uri(image) -> str:
    """The uploaded logo inline (a data URI), so the PDF needs no web request to draw it."""
    if image is None:
        return ""
    kind = mimetypes.guess_type(image.file.name)[0] or "image/png"
    try:
        with image.file.open("rb") as handle:
            data = handle.read()
    except (FileNotFoundError, OSError):
        return ""
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


def letter_pdf(html: str) -> bytes:
    """The letter as a tagged PDF/A-3b (archivable; fonts embedded by WeasyPrint).

    The document's title, subject and author come from ``letter_document.html``'s head, which
    holds the reference number only, never a name (the PDF's metadata travels with the file).
    """
    from weasyprint import CSS, HTML  # heavy (cairo, pango): loaded when a PDF is made

    return HTML(string=html).write_pdf(
        stylesheets=[CSS(filename=finders.find("letters/letter.css"))],
        pdf_variant="pdf/a-3b",
        pdf_tags=True,
    )
