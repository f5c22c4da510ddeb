"""Factories for catalogue content and training."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from snippets.models import (
    Intervention,
    InterventionDomain,
    ProblemArea,
    RiskGroup,
    TrainingEvent,
    TrainingKind,
    TrainingRegistration,
)


class RiskGroupFactory(DjangoModelFactory):
    class Meta:
        model = RiskGroup
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: 100 + n)
    name = factory.Sequence(lambda n: f"Testrisicogroep {n}")


class ProblemAreaFactory(DjangoModelFactory):
    class Meta:
        model = ProblemArea

    name = factory.Sequence(lambda n: f"Testprobleem {n}")


class InterventionFactory(DjangoModelFactory):
    class Meta:
        model = Intervention
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Testinterventie {n}")
    description = "Een interventie voor de tests."
    domain = InterventionDomain.CARE

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations.set(extracted)
            self.save()


class TrainingEventFactory(DjangoModelFactory):
    class Meta:
        model = TrainingEvent

    title = factory.Sequence(lambda n: f"Werkatelier {n}")
    kind = TrainingKind.WORKSHOP
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    location = "Stadhuis, Amstel 1"
    description = "Uitwisseling van ervaringen."


class TrainingRegistrationFactory(DjangoModelFactory):
    class Meta:
        model = TrainingRegistration

    event = factory.SubFactory(TrainingEventFactory)
