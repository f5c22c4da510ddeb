"""Registers structured forms in the admin: one menu group, definitions and responses."""

from wagtail.snippets.models import register_snippet

from forms.viewsets import FormsViewSetGroup

register_snippet(FormsViewSetGroup)
