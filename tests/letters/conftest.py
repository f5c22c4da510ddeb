"""Fixtures for notification letters: frozen time, subjects with family, PDF text read back."""

import datetime
import io

import pytest

from dossiers.models import Dossier, NotificationLetter
from dossiers.workflow.states import DossierState as S
from snippets.models import Institution
from tests.factories.dossiers import DossierFactory, RelativeFactory, SubjectFactory
from tests.meetings.conftest import at, clock, step  # noqa: F401 (fixtures)

D = datetime.date
DECIDED = D(2027, 3, 25)  # a Thursday; day 21 is 15 April, day 22 is 16 April


def pdf_text(data: bytes) -> str:
    """The text of every page of a PDF, whitespace collapsed."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def included(clock, walk, step):  # noqa: F811
    """Walk a prepared dossier to inclusion on ``DECIDED``."""

    def _included(dossier: Dossier) -> Dossier:
        clock.move_to(DECIDED - datetime.timedelta(days=14))
        walk(S.AWAITING_DECISION, dossier=dossier)
        clock.move_to(DECIDED)
        return step(dossier, S.INCLUDED)

    return _included


def record_relative(dossier: Dossier, *, kind="parent", authority=None, linked=None, **fields):
    """A relative recorded on ``dossier`` (a parent or guardian holds authority by default)."""
    extra = {} if authority is None else {"parental_authority": authority}
    return RelativeFactory(dossier=dossier, kind=kind, linked_subject=linked, **extra, **fields)


@pytest.fixture
def minor_with_parents(included):
    """A minor (born 2012) whose mother and father are recorded on the dossier as parents
    with authority, before inclusion."""
    child = SubjectFactory(
        first_name="Yara",
        last_name="Verzonnen",
        birth_date=D(2012, 6, 1),
        street="Fictieweg 12",
        postcode="1011 AB",
    )
    dossier = DossierFactory(subject=child)
    mother = record_relative(
        dossier,
        first_name="Mira",
        last_name="Verzonnen",
        street="Fictieweg 12",
        postcode="1011 AB",
        city="Amsterdam",
    )
    father = record_relative(
        dossier,
        first_name="Karim",
        last_name="Bedacht",
        street="Denkbeeldlaan 3",
        postcode="1055 XY",
        city="Amsterdam",
    )
    return included(dossier), mother, father


@pytest.fixture
def institution(db):
    return Institution.objects.get(name="PI Fictiefstad (voorbeeld)")


@pytest.fixture
def detained(included, institution):
    subject = SubjectFactory(
        first_name="Daan",
        last_name="Gefantaseerd",
        birth_date=D(1995, 3, 3),
        detained_in=institution,
    )
    return included(DossierFactory(subject=subject))


def letter_of(dossier, kind) -> NotificationLetter:
    return NotificationLetter.objects.get(dossier=dossier, recipient_kind=kind)
