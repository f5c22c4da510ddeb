"""Structured forms: a definition the programme team edits, frozen versions, and responses.

Fields are an orderable inline (``FormField`` with a ``ParentalKey``) rather than a StreamField:
each field is a row with typed columns, so the admin validates it like any model, the seed
migration can create rows with the historical models, and a snapshot is a plain list of dicts.
Publishing a definition freezes a ``FormVersion`` (see ``forms.services``); a response pins one.
"""

from forms.models.definition import FormDefinition
from forms.models.field import FieldType, FormField
from forms.models.response import FormResponse
from forms.models.version import FormVersion

__all__ = ["FieldType", "FormDefinition", "FormField", "FormResponse", "FormVersion"]
