"""Reporting periods of the monitor: month, quarter, year or a custom range."""

import calendar
import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Period:
    """An inclusive date range with a label for headings and file names."""

    start: datetime.date
    end: datetime.date
    label: str


def period_for(
    *,
    kind: str,
    year: int,
    month: int = 1,
    quarter: int = 1,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> Period:
    """Build the period of ``kind`` ("month", "quarter", "year" or "custom")."""
    if kind == "month":
        last = calendar.monthrange(year, month)[1]
        first, final = datetime.date(year, month, 1), datetime.date(year, month, last)
    elif kind == "quarter":
        first_month = 3 * (quarter - 1) + 1
        last = calendar.monthrange(year, first_month + 2)[1]
        first, final = (
            datetime.date(year, first_month, 1),
            datetime.date(year, first_month + 2, last),
        )
    elif kind == "year":
        first, final = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    else:
        first, final = start, end
    return Period(start=first, end=final, label=f"{first:%d-%m-%Y} t/m {final:%d-%m-%Y}")


class PeriodForm(forms.Form):
    """The period picker above the monitor; defaults to the current month."""

    KINDS = [
        ("month", _("Maand")),
        ("quarter", _("Kwartaal")),
        ("year", _("Jaar")),
        ("custom", _("Eigen periode")),
    ]

    kind = forms.ChoiceField(label=_("Periode"), choices=KINDS, initial="month")
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100, required=False)
    month = forms.IntegerField(label=_("Maand"), min_value=1, max_value=12, required=False)
    quarter = forms.IntegerField(label=_("Kwartaal"), min_value=1, max_value=4, required=False)
    start = forms.DateField(label=_("Van"), required=False)
    end = forms.DateField(label=_("Tot en met"), required=False)

    @classmethod
    def from_query(cls, data) -> "PeriodForm":
        """Bind to the query string, or to the current month when nothing was asked."""
        if "kind" not in data:
            today = timezone.localdate()
            data = {"kind": "month", "year": today.year, "month": today.month}
        return cls(data)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in ("month", "quarter", "year") and not data.get("year"):
            self.add_error("year", _("Kies een jaar."))
        if kind == "month" and not data.get("month"):
            self.add_error("month", _("Kies een maand."))
        if kind == "quarter" and not data.get("quarter"):
            self.add_error("quarter", _("Kies een kwartaal."))
        if kind == "custom":
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(
                    _("Vul bij een eigen periode 'van' en 'tot en met' in.")
                )
            if start > end:
                raise forms.ValidationError(_("'Van' ligt na 'tot en met'."))
        return data

    @property
    def period(self) -> Period:
        """The chosen period; only on a valid form."""
        data = self.cleaned_data
        return period_for(
            kind=data["kind"],
            year=data.get("year") or 2000,
            month=data.get("month") or 1,
            quarter=data.get("quarter") or 1,
            start=data.get("start"),
            end=data.get("end"),
        )
