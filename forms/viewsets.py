"""Admin of structured forms: definitions (snippets) and the responses a user may see."""

from django.db.models import Max
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from adminkit.scoping import ScopedModelViewSet
from forms.bindings import bindings_for, missing_bindings
from forms.models import FormDefinition, FormField, FormResponse
from forms.models.field import derive_key
from forms.selectors import form_responses_for
from forms.views import (
    FormFillView,
    FormPickView,
    FormResponseIndexView,
    FormResponseInspectView,
)

#: what the programme team may not change on a bound field (the system's, not the form's)
LOCKED_ON_BOUND = ("field_type", "required", "choices", "min_value", "max_value", "key")


class FormFieldAdminForm(WagtailAdminModelForm):
    """One row of the builder; on a bound row the type, answer list and key are locked."""

    class Meta:
        model = FormField
        fields = [
            "field_type",
            "required",
            "label",
            "help_text",
            "choices",
            "min_value",
            "max_value",
            "key",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.binding:
            for name in LOCKED_ON_BOUND:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _("Vast: dit is een gebonden veld.")


class FormDefinitionForm(WagtailAdminModelForm):
    """Refuses two fields with the same answer key, and a form without its bound fields."""

    def clean(self):
        cleaned = super().clean()
        seen: set[str] = set()
        present: set[str] = set()
        for form in self.formsets["form_fields"].forms:
            binding = form.instance.binding if form.instance.pk else ""
            if form.is_valid() and form.cleaned_data.get("DELETE") and binding:
                form.add_error(
                    None,
                    _(
                        "“%(label)s” is een gebonden veld en kan niet worden verwijderd: "
                        "het systeem werkt met dit antwoord. U kunt het wel verplaatsen of "
                        "de vraag en toelichting wijzigen."
                    )
                    % {"label": form.instance.label},
                )
                self.add_error(None, _("Een gebonden veld kan niet worden verwijderd."))
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            if binding:
                present.add(binding)
            key = form.cleaned_data.get("key") or derive_key(form.cleaned_data.get("label", ""))
            if key in seen:
                form.add_error("key", _("Deze sleutel komt al voor in dit formulier."))
            seen.add(key)
        slug = cleaned.get("slug") or self.instance.slug
        if self.instance.pk and slug != self.instance.slug and bindings_for(self.instance.slug):
            self.add_error(
                "slug", _("De vaste naam van een formulier met gebonden velden ligt vast.")
            )
        for reason in missing_bindings(slug, present):
            self.add_error(None, reason)
        return cleaned


class FormDefinitionViewSet(SnippetViewSet):
    model = FormDefinition
    icon = "form"
    menu_label = _("Formulierdefinities")
    url_prefix = "formulieren/definities"
    copy_view_enabled = False
    search_fields = ["title"]
    list_display = [
        "title",
        Column("slug", label=_("Vaste naam")),
        LiveStatusTagColumn(),
        Column("current_version_number", label=_("Versie")),
    ]
    edit_handler = ObjectList(FormDefinition.panels, base_form_class=FormDefinitionForm)

    def get_queryset(self, request):
        return FormDefinition.objects.annotate(current_version_number=Max("versions__number"))


class FormResponseViewSet(ScopedModelViewSet):
    model = FormResponse
    name = "form_responses"
    icon = "form"
    menu_label = _("Ingevulde formulieren")
    url_prefix = "formulieren/ingevuld"
    index_view_class = FormResponseIndexView
    inspect_view_class = FormResponseInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []
    list_display = [
        "version",
        Column("submitted_by", label=_("Ingevuld door")),
        DateColumn("submitted_at", label=_("Ingevuld op")),
        Column("dossier", label=_("Dossier")),
    ]
    list_export = [
        "version__definition",
        "version__number",
        "submitted_by",
        "submitted_at",
        "dossier",
    ]
    export_headings = {
        "version__definition": _("Formulier"),
        "submitted_by": _("Ingevuld door"),
        "submitted_at": _("Ingevuld op"),
        "dossier": _("Dossier"),
    }
    export_filename = "ingevulde_formulieren"

    @staticmethod
    def scope_queryset(user, queryset):
        return queryset.filter(pk__in=form_responses_for(user=user).values("pk")).select_related(
            "version", "submitted_by", "dossier"
        )

    @property
    def add_view(self):
        return FormPickView.as_view(fill_url_name=self.get_url_name("fill"))

    @property
    def fill_view(self):
        return FormFillView.as_view(
            fill_url_name=self.get_url_name("fill"),
            inspect_url_name=self.get_url_name("inspect"),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("invullen/<int:version_pk>/", self.fill_view, name="fill"),
        ]


class FormsViewSetGroup(ViewSetGroup):
    items = (FormDefinitionViewSet, FormResponseViewSet)
    menu_label = _("Formulieren")
    menu_icon = "form"
    menu_order = 300
