"""The monthly access review in the admin, for ``monitor.review_access`` (Privacyfunctionaris).

The month list shows which months are open and who marked the others done, and when; a month's
page shows the report per user (``reports.access_review``) and the form that marks it done.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from dossiers import access
from reports.access_review import (
    BULK_EXPORT_ROWS,
    OFFICE_HOURS,
    RISE_FACTOR,
    RISE_MINIMUM,
    RISE_MONTHS,
    access_review,
    reviewable_months,
)
from reports.access_review_services import PERMISSION, access_review_complete
from reports.models import AccessReview


class ReviewPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not access.has_permission(request.user, PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CompleteForm(forms.Form):
    note = forms.CharField(
        label=_("Toelichting (optioneel)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld welke opvallende inzagen u heeft nagevraagd."),
    )


class AccessReviewIndexView(ReviewPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/access_review_index.html"
    page_title = _("Toegangscontrole")
    header_icon = "history"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Start")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        done = {review.month: review for review in AccessReview.objects.all()}
        months = [(month, done.get(month)) for month in reviewable_months(timezone.localdate())]
        return super().get_context_data(months=months, **kwargs)


class AccessReviewMonthView(ReviewPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/access_review_month.html"
    header_icon = "history"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        try:
            self.month = datetime.date(int(kwargs["year"]), int(kwargs["month"]), 1)
        except ValueError as error:
            raise Http404 from error

    def get_page_title(self):
        return _("Toegangscontrole %(month)s") % {"month": date_format(self.month, "F Y")}

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Start")},
            {"url": reverse("access_review:index"), "label": _("Toegangscontrole")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, form=None, **kwargs):
        kwargs.pop("year", None)  # the URL's, replaced by the date below
        kwargs.pop("month", None)
        return super().get_context_data(
            month=self.month,
            reviews=access_review(self.month),
            done=AccessReview.objects.filter(month=self.month).first(),
            reviewable=self.month in reviewable_months(timezone.localdate()),
            form=form or CompleteForm(),
            rules={
                "bulk": BULK_EXPORT_ROWS,
                "hours_from": OFFICE_HOURS[0],
                "hours_to": OFFICE_HOURS[1],
                "rise_factor": RISE_FACTOR,
                "rise_minimum": RISE_MINIMUM,
                "rise_months": RISE_MONTHS,
            },
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = CompleteForm(request.POST)
        if form.is_valid():
            try:
                access_review_complete(
                    month=self.month, by=request.user, note=form.cleaned_data["note"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("De maand is afgerond."))
                return redirect("access_review:month", year=self.month.year, month=self.month.month)
        return self.render_to_response(self.get_context_data(form=form))


class AccessReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return access.has_permission(request.user, PERMISSION)


def access_review_urls():
    patterns = [
        path("", AccessReviewIndexView.as_view(), name="index"),
        path("<int:year>/<int:month>/", AccessReviewMonthView.as_view(), name="month"),
    ]
    return [
        path("toegangscontrole/", include((patterns, "access_review"), namespace="access_review"))
    ]


def access_review_menu_item():
    return AccessReviewMenuItem(
        _("Toegangscontrole"), reverse("access_review:index"), icon_name="history", order=520
    )
