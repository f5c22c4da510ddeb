"""The dossier listing's rows (issue 17 writes its cells in Python, not one template each):
what a row shows, escaped, with its link and its "more" menu, for a hand-built dossier."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from dossiers.models import Dossier, Subject
from dossiers.workflow.states import DossierState as S

pytestmark = pytest.mark.django_db
D = datetime.date
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _row(page: str, reference: str) -> str:
    rows = [row for row in re.findall(r"<tr>(.*?)</tr>", page, re.S) if reference in row]
    assert len(rows) == 1
    return re.sub(r"\s+", " ", rows[0])


def _cells(row: str) -> list[str]:
    cells = re.findall(r"<td.*?</td>", row)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def _dossier(users, reference, last_name, due_on):
    subject = Subject.objects.create(first_name="Anna", last_name=last_name)
    director = users["regisseur"]
    return Dossier.objects.create(
        reference=reference,
        subject=subject,
        state=S.IN_EXECUTION,
        case_director=director,
        case_director_organisation_id=director.organisation_id,
        included_on=D(2027, 1, 4),
        next_due_on=due_on,
        next_due_kind="uvo" if due_on else "",
        state_changed_at=timezone.make_aware(datetime.datetime(2027, 1, 25, 10, 0)),
    )


@time_machine.travel(datetime.datetime(2027, 2, 1, 10, tzinfo=AMS), tick=False)
def test_a_row_shows_the_dossier_escaped_with_its_deadline_link_and_menu(users, client):
    late = _dossier(users, "T-000001", "<b>Vos & Zn</b>", D(2027, 1, 5))
    later = _dossier(users, "T-000002", "Bakker", D(2027, 3, 9))
    _dossier(users, "T-000003", "Smit", None)
    client.force_login(users["regieoverleg"])
    page = client.get(reverse("dossiers:index")).content.decode()
    director = users["regisseur"]

    row = _row(page, "T-000001")
    inspect = f"/admin/dossiers/inspect/{late.pk}/"
    assert re.search(rf'<a href="{inspect}">\s*T-000001\s*</a>', row)
    assert "<b>Vos" not in row and "Anna &lt;b&gt;Vos &amp; Zn&lt;/b&gt;" in row
    assert _cells(row) == [
        "T-000001 Inspecteer",
        "Anna &lt;b&gt;Vos &amp; Zn&lt;/b&gt;",
        "In uitvoering",
        director.get_full_name(),
        director.organisation.short_name,
        "5 januari 2027 te laat UVO houden",
        "Regisseur: uitvoeren, UVO&#x27;s en evaluaties",
        "1 week geleden",
    ]
    # the "more" menu: one link to the dossier page, labelled for screen readers
    assert 'aria-label="Meer opties voor &#x27;T-000001&#x27;"' in row
    assert re.search(rf'<a href="{inspect}" class=""\s*>\s*<svg[^>]*icon-info-circle', row)
    assert 'datetime="2027-01-25T10:00:00+01:00"' in row
    assert 'data-w-tooltip-content-value="25 januari 2027 10:00"' in row

    assert "9 maart 2027 UVO houden" in " ".join(_cells(_row(page, "T-000002")))
    assert "te laat" not in _row(page, "T-000002") and later.next_due_on
    assert _cells(_row(page, "T-000003"))[5] == ""


def test_the_permission_policy_is_asked_once_per_question_not_per_row(users, client, monkeypatch):
    """Wagtail's view asks its policy about every row's links; the listing asks once a page."""
    from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

    asked = []
    for method in ("user_has_permission", "user_has_any_permission"):
        original = getattr(PermissionCheckedMixin, method)

        def counting(self, question, _original=original):
            asked.append(question if isinstance(question, str) else frozenset(question))
            return _original(self, question)

        monkeypatch.setattr(PermissionCheckedMixin, method, counting)
    for number in range(12):
        _dossier(users, f"T-{number:06d}", f"Fictief{number}", D(2030, 1, 1))
    client.force_login(users["regieoverleg"])
    page = client.get(reverse("dossiers:index")).content.decode()
    assert page.count("/admin/dossiers/inspect/") >= 24  # title link and menu item, every row
    assert asked and len(asked) == len(set(asked))
