"""Factories for the case domain; dossiers in later states are built through the real service."""

import datetime

import factory
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from dossiers import roles
from dossiers.models import Dossier, Relative, Signal, Subject, User
from snippets.models import Organisation

#: Fictional Dutch surnames without apostrophes ("d' Heripon" is escaped in HTML, and tests
#: that look for a name on a page would then depend on the random draw).
LAST_NAME = factory.LazyFunction(
    lambda: factory.Faker._get_faker(locale="nl_NL").last_name().replace("'", "")
)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Testorganisatie {n}")
    short_name = factory.Sequence(lambda n: f"TO{n}")
    supplies_case_directors = True


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = LAST_NAME
    email = factory.LazyAttribute(lambda u: f"{u.username}@test.ipga.invalid")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord-123")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


class SubjectFactory(DjangoModelFactory):
    class Meta:
        model = Subject

    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = LAST_NAME
    birth_date = datetime.date(2001, 5, 17)
    gender = "m"
    street = factory.Faker("street_address", locale="nl_NL")
    postcode = factory.Faker("postcode", locale="nl_NL")
    city = "Amsterdam"


class DossierFactory(DjangoModelFactory):
    """A dossier in its first state; use ``tests.factories.dossiers.dossier_in`` for others."""

    class Meta:
        model = Dossier

    subject = factory.SubFactory(SubjectFactory)


class RelativeFactory(DjangoModelFactory):
    """A relative recorded on a dossier; a parent or guardian holds authority by default."""

    class Meta:
        model = Relative

    dossier = factory.SubFactory(DossierFactory)
    kind = "parent"
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = LAST_NAME
    street = factory.Faker("street_address", locale="nl_NL")
    postcode = "1011 AB"
    city = "Amsterdam"
    parental_authority = factory.LazyAttribute(lambda r: r.kind in ("parent", "guardian"))


def role_user(role: str, **kwargs) -> User:
    return UserFactory(role=role, **kwargs)


ROLE_KEYS = {
    "map": roles.INTAKE,
    "politie": roles.POLICE_INTAKE,
    "voorportaal": roles.PRE_ASSESSMENT,
    "regieoverleg": roles.STEERING_MEMBER,
    "secretaris": roles.SECRETARY,
    "regisseur": roles.CASE_DIRECTOR,
    "itatr": roles.ADVISORY_MEMBER,
    "programmateam": roles.PROGRAMME_TEAM,
    "beheer": roles.ADMINISTRATOR,
}


class SignalFactory(DjangoModelFactory):
    class Meta:
        model = Signal

    dossier = factory.SubFactory(DossierFactory)
    received_on = datetime.date(2026, 1, 5)
    channel = "phone"
    source_type = "teacher"
    reporter_name = "Fictieve docent"
    concern = "Fictieve zorg over radicalisering."
    person_first_name = factory.LazyAttribute(
        lambda s: s.dossier.subject.first_name if s.dossier.subject else ""
    )
    person_last_name = factory.LazyAttribute(
        lambda s: s.dossier.subject.last_name if s.dossier.subject else ""
    )
