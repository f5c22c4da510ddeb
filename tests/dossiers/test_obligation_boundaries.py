"""The boundaries of the UVO and evaluation clocks (docs/spec/domain.md, "How the system reads the
deadline rules"), written out by hand: the day itself, and more than one earlier meeting."""

import datetime

from dossiers.models import ProgrammeSettings
from dossiers.obligations import evaluation_due, uvo_due

D = datetime.date
SETTINGS = ProgrammeSettings(uvo_interval_days=56, evaluation_interval_days=84)


def test_an_evaluation_on_the_adoption_day_restarts_the_clock():
    """Adopted 1 March 2027 and evaluated that same day: next due 84 days after that day.

    Whether ``evaluation_due`` compares with ``>=`` or ``>`` cannot be seen from outside: an
    evaluation on the adoption day restarts the clock from the same day either way (the
    mutation is equivalent; the boundary is pinned here so a change of rule shows)."""
    adopted = D(2027, 3, 1)
    assert evaluation_due(adopted, [adopted], SETTINGS) == D(2027, 5, 24)
    assert evaluation_due(adopted, [adopted, D(2027, 3, 11)], SETTINGS) == D(2027, 6, 3)


def test_an_evaluation_before_the_adoption_does_not_count():
    """An evaluation of an earlier plan (before this adoption) leaves the clock at adoption."""
    adopted = D(2027, 3, 1)
    assert evaluation_due(adopted, [D(2027, 2, 28)], SETTINGS) == D(2027, 5, 24)


def test_without_evaluations_the_clock_runs_from_the_adoption():
    assert evaluation_due(D(2027, 3, 1), [], SETTINGS) == D(2027, 5, 24)


def test_the_latest_of_several_evaluations_counts_whatever_their_order():
    adopted = D(2027, 1, 4)
    evaluated = [D(2027, 6, 1), D(2027, 3, 29), D(2027, 4, 15)]
    assert evaluation_due(adopted, evaluated, SETTINGS) == D(2027, 8, 24)


def test_the_next_uvo_runs_from_the_latest_of_several():
    held = [D(2027, 1, 10), D(2027, 5, 2), D(2027, 3, 7)]
    assert uvo_due(held, SETTINGS) == D(2027, 6, 27)


def test_before_any_uvo_there_is_no_later_uvo_due():
    assert uvo_due([], SETTINGS) is None


def test_the_interval_is_the_programme_setting():
    held = [D(2027, 1, 10)]
    assert uvo_due(held, ProgrammeSettings(uvo_interval_days=28)) == D(2027, 2, 7)
