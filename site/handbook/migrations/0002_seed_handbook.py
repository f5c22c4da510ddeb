"""Replace Wagtail's welcome page with the handbook: a login-only root and one page per chapter.

The programme team gets add/change/publish/lock rights on the handbook pages.
"""

import uuid

from django.db import migrations
from django.utils import timezone

from dossiers import roles
from handbook.seed_content import CHAPTERS

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
HOME_SLUG = "handreiking"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def _step(number):
    """Treebeard's 4-character base-36 path step."""
    digits = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits


def _stream(blocks, intervention_ids):
    stream = []
    for block_type, value in blocks:
        if block_type == "catalogue_links":
            value = {
                "heading": value["heading"],
                "interventions": [
                    {"type": "item", "value": intervention_ids[name], "id": str(uuid.uuid4())}
                    for name in value["interventions"]
                    if name in intervention_ids
                ],
            }
        elif block_type == "deadlines":
            value = {
                "caption": value["caption"],
                "rows": [
                    {"type": "item", "value": row, "id": str(uuid.uuid4())}
                    for row in value["rows"]
                ],
            }
        stream.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})
    return stream


def _page_fields(content_type, locale, title, slug, path, depth, url_path, numchild=0):
    now = timezone.now()
    return {
        "title": title,
        "draft_title": title,
        "slug": slug,
        "content_type": content_type,
        "locale": locale,
        "translation_key": uuid.uuid4(),
        "path": path,
        "depth": depth,
        "numchild": numchild,
        "url_path": url_path,
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": now,
        "last_published_at": now,
    }


def seed(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("handbook", "HomePage")
    GuidancePage = apps.get_model("handbook", "GuidancePage")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    Intervention = apps.get_model("catalogue", "Intervention")

    if HomePage.objects.exists():
        return
    root = Page.objects.get(depth=1)
    locale = Locale.objects.first()
    # Wagtail's own "Welcome to your new Wagtail site!" page.
    Page.objects.filter(
        depth=2, slug="home", content_type__app_label="wagtailcore", numchild=0
    ).delete()
    siblings = Page.objects.filter(depth=2).count()

    home_type, _ = ContentType.objects.get_or_create(app_label="handbook", model="homepage")
    chapter_type, _ = ContentType.objects.get_or_create(app_label="handbook", model="guidancepage")
    home_path = root.path + _step(siblings + 1)
    home = HomePage.objects.create(
        intro=(
            "<p>De handreiking voor de regisseur binnen de Integrale persoonsgerichte aanpak "
            "Radicalisering (2016), bijgehouden door het programmateam. Alleen voor gebruikers "
            "van het volgsysteem.</p>"
        ),
        **_page_fields(
            home_type,
            locale,
            "Handreiking voor de regisseur",
            HOME_SLUG,
            home_path,
            2,
            f"/{HOME_SLUG}/",
            numchild=len(CHAPTERS),
        ),
    )
    root.numchild = siblings + 1
    root.save(update_fields=["numchild"])

    intervention_ids = dict(Intervention.objects.values_list("name", "pk"))
    for number, chapter in enumerate(CHAPTERS, start=1):
        GuidancePage.objects.create(
            chapter=chapter["chapter"],
            summary=chapter["summary"],
            placeholder=chapter.get("placeholder", False),
            body=_stream(chapter["body"], intervention_ids),
            **_page_fields(
                chapter_type,
                locale,
                chapter["title"],
                chapter["slug"],
                home_path + _step(number),
                3,
                f"/{HOME_SLUG}/{chapter['slug']}/",
            ),
        )

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.site_name = "Handreiking IPGA Radicalisering"
        site.save()
    PageViewRestriction.objects.create(page=home, restriction_type="login")

    roles.ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    team, _ = Group.objects.get_or_create(name=roles.PROGRAMME_TEAM)
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=team,
            page=home,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def unseed(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    home = Page.objects.filter(depth=2, slug=HOME_SLUG).first()
    if home is not None:
        Page.objects.filter(path__startswith=home.path).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("handbook", "0001_initial"),
        ("catalogue", "0004_seed_catalogue"),
        ("dossiers", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(seed, unseed)]
