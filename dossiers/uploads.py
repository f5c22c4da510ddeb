"""Upload checks: extension allowlist, magic bytes and size (docs/spec/quality.md S9)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

# extension -> accepted leading bytes (None: plain text, checked separately)
SIGNATURES: dict[str, tuple[bytes, ...] | None] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "txt": None,
}


def validate_upload(upload) -> None:
    """Refuse a file whose extension, content or size is not allowed; message in Dutch."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in SIGNATURES:
        raise ValidationError(
            _("Bestandstype .%(ext)s is niet toegestaan. Toegestaan: %(allowed)s.")
            % {"ext": extension or "?", "allowed": ", ".join(sorted(SIGNATURES))}
        )
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Het bestand is groter dan 10 MB."))
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signatures = SIGNATURES[extension]
    if signatures is None:
        if b"\x00" in head:
            raise ValidationError(_("Dit tekstbestand bevat binaire gegevens."))
        return
    if not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            _("De inhoud van het bestand past niet bij de extensie .%(ext)s.") % {"ext": extension}
        )
