"""Reads of the handbook: resolving a stable help key to the chapter or section URL."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.models import GuidancePage


@dataclass(frozen=True)
class HandbookSection:
    key: str
    title: str
    url: str


def handbook_sections(*, request=None) -> dict[str, HandbookSection]:
    """Every help key of the live handbook: each chapter's slug and each section anchor.

    Memoised on ``request`` so a page with many help links reads the handbook once.
    """
    cached = getattr(request, "_handbook_sections", None)
    if cached is not None:
        return cached
    sections: dict[str, HandbookSection] = {}
    for page in GuidancePage.objects.live().order_by("path"):
        url = page.get_url(request=request)
        if not url:
            continue
        sections.setdefault(page.slug, HandbookSection(page.slug, page.title, url))
        for anchor, text in page.section_anchors():
            sections.setdefault(anchor, HandbookSection(anchor, text, f"{url}#{anchor}"))
    if request is not None:
        request._handbook_sections = sections
    return sections


def handbook_section(*, key: str, request=None) -> HandbookSection | None:
    """The chapter or section for ``key`` (an anchor like ``risk-groups`` or a chapter slug)."""
    return handbook_sections(request=request).get(key)


def handbook_url(*, key: str, request=None) -> str | None:
    """The URL (with ``#anchor`` for a section) for ``key``; ``None`` when it does not exist."""
    section = handbook_section(key=key, request=request)
    return section.url if section else None


def handbook_chapters(*, request=None) -> list[HandbookSection]:
    """The handbook's start page, then its chapters (the top-level guidance pages): the admin's
    Help menu. Read once per request: Wagtail builds the menu more than once per page."""
    if request is None:
        return _read_handbook_chapters(request=None)
    if not hasattr(request, "_handbook_chapters"):
        request._handbook_chapters = _read_handbook_chapters(request=request)
    return request._handbook_chapters


def _read_handbook_chapters(*, request=None) -> list[HandbookSection]:
    from django.db.models import Min
    from django.utils.translation import gettext as _

    from handbook.models import HomePage

    found = []
    home = HomePage.objects.live().order_by("path").first()
    if home is not None and (url := home.get_url(request=request)):
        found.append(HandbookSection("handreiking", _("Handreiking: inhoud"), url))
    pages = GuidancePage.objects.live()
    depth = pages.aggregate(depth=Min("depth"))["depth"]
    for page in pages.filter(depth=depth).order_by("path"):
        if url := page.get_url(request=request):
            found.append(HandbookSection(page.slug, page.title, url))
    return found
