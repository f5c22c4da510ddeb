"""The project's form renderer: Django's ``TemplatesSetting``, the select widget written in Python.

A select is rendered from one template for the list and two more per option
(``select.html``, ``select_option.html``, ``attrs.html``). The dossier listing's filters hold
five selects with about fifty options, and their templates took about a tenth of its request
(issue 17). ``render`` writes the very markup of Django's own select templates in Python; any
other template, a project override of those templates, or options with a template of their own
are rendered by the templates as before (``tests/site/test_form_renderer.py`` compares both).
"""

from django.forms.renderers import TemplatesSetting
from django.utils.functional import cached_property
from django.utils.html import conditional_escape

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def _text(value) -> str:
    """``{{ value|stringformat:'s' }}`` under autoescape: safe text stays as it is."""
    return conditional_escape(value if hasattr(value, "__html__") else f"{value}")


def _attrs(attrs: dict) -> str:
    """``attrs.html``: `` name="value"``, a bare name for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {conditional_escape(name)}")
        if value is not True:
            parts.append(f'="{_text(value)}"')
    return "".join(parts)


def _option(option: dict) -> str:
    """``select_option.html``, with the line end its file ends with."""
    return (
        f'<option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
        f"{conditional_escape(option['label'])}</option>\n"
    )


class FormRenderer(TemplatesSetting):
    @cached_property
    def _stock_select(self) -> bool:
        """Whether both select templates are Django's own (no project or app override)."""
        stock = "/django/forms/templates/django/forms/widgets/"
        return all(stock in self.get_template(name).origin.name for name in (SELECT, OPTION))

    def render(self, template_name, context, request=None):
        if template_name == SELECT and self._stock_select:
            rendered = self._select(context["widget"])
            if rendered is not None:
                return rendered
        return super().render(template_name, context, request=request)

    @staticmethod
    def _select(widget: dict) -> str | None:
        parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in group_choices:
                if option["template_name"] != OPTION:
                    return None
                parts.append(f"\n  {_option(option)}")
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return "".join(parts)
