"""Functioneel beheer: role and organisation in the user list; accounts needing attention."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from dossiers.models import User
from dossiers.selectors.accounts import users_inactive, users_without_second_factor
from tests.factories.dossiers import ROLE_KEYS

pytestmark = pytest.mark.django_db


def test_start_page_and_user_list_show_accounts_needing_attention(client, users):
    old = timezone.now() - datetime.timedelta(days=120)
    User.objects.filter(pk=users["itatr"].pk).update(last_login=old)
    assert users["itatr"] in users_inactive(User.objects.all())
    assert users["map"] in users_without_second_factor(User.objects.all())
    client.force_login(users["beheer"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Gebruikers zonder tweede factor" in home and "Langer dan 90 dagen" in home
    listing = client.get(f"{reverse('wagtailusers_users:index')}?account=inactive")
    page = listing.content.decode()
    assert listing.status_code == 200 and "itatr" in page and ">regisseur<" not in page
    assert "Rol" in page and "Organisatie" in page
    assert ROLE_KEYS["itatr"] in page and ">RT<" in page  # role (group) and organisation
