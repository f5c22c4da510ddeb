"""Letters as archivable PDFs, read back with pypdf: PDF/A-3b identification in the XMP
metadata, every font embedded, tagged; logo, contact footer and signer from the letter
settings; title, subject and author carry the reference number, never a name."""

import datetime
import io
import re

import pytest
from django.core.files.images import ImageFile
from pypdf import PdfReader
from wagtail.images.models import Image

from dossiers.letters.services import letter_generate
from snippets.models import LetterSettings
from tests.letters.conftest import DECIDED, letter_of, pdf_text

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    """A small red square (a fictional logo)."""
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 20), (200, 0, 0)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def letter_settings():
    logo = Image(title="Logo Amsterdam (fictief)")
    logo.file = ImageFile(io.BytesIO(_png()), name="logo.png")
    logo.save()
    settings = LetterSettings.load()
    settings.logo = logo
    settings.signer_name = "F. Fictief"
    settings.signer_function = "Hoofd Meld- en Adviespunt"
    settings.contact_footer = "Telefoon 14 020\nipga@example.nl"
    settings.save()
    return settings


def _fonts(reader: PdfReader) -> list:
    fonts = []
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                fonts.append(descendant.get_object())
    return fonts


def test_letter_is_tagged_pdfa_with_logo_footer_signer_and_no_names_in_metadata(
    minor_with_parents, users, clock, letter_settings
):
    dossier, _mother, _father = minor_with_parents
    clock.move_to(DECIDED + datetime.timedelta(days=5))
    letter = letter_generate(letter=letter_of(dossier, "subject"), by=users["map"])
    data = letter.file.read()
    reader = PdfReader(io.BytesIO(data))

    xmp = reader.xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode()
    assert re.search(r'pdfaid:part(="|>)3', raw) and re.search(r'pdfaid:conformance(="|>)B', raw)

    fonts = _fonts(reader)
    assert fonts
    for font in fonts:
        descriptor = font["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font

    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert any("/XObject" in page["/Resources"] for page in reader.pages)  # the logo

    meta = reader.metadata
    for value in (meta.title, meta.subject, meta.author):
        assert dossier.reference in value
        for name in ("Yara", "Verzonnen", "Karim", "Bedacht", "Mira"):
            assert name not in value

    text = pdf_text(data)
    assert "F. Fictief" in text and "Hoofd Meld- en Adviespunt" in text
    assert "Telefoon 14 020" in text and "ipga@example.nl" in text
