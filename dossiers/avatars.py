"""Avatars as initials: no gravatar (it would send hashed e-mail addresses out)."""

from urllib.parse import quote

from django.utils.html import escape

COLOURS = ("#00574b", "#1d4e89", "#6b2d5c", "#7a4b00", "#2f5d1e", "#5a3e99")


def initials(user) -> str:
    first = (getattr(user, "first_name", "") or "").strip()
    last = (getattr(user, "last_name", "") or "").strip().split(" ")[-1]
    letters = (first[:1] + last[:1]) or (getattr(user, "username", "") or "?")[:2]
    return letters.upper()


def initials_avatar_url(user, size: int = 50) -> str:
    """A small SVG with the user's initials, as a data: URL (the CSP allows data: images)."""
    colour = COLOURS[(getattr(user, "pk", 0) or 0) % len(COLOURS)]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 100 100"><rect width="100" height="100" fill="{colour}"/>'
        '<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="sans-serif" '
        f'font-size="42" fill="#fff">{escape(initials(user))}</text></svg>'
    )
    return "data:image/svg+xml;charset=utf-8," + quote(svg)
