"""A faster renderer for the form widgets the claim panel draws on every open: the same HTML as Django's
widget templates for inputs and textareas, built in Python (each template costs about a quarter of a
millisecond, a dozen per panel); every other widget (selects, radios, checkboxes) through the templates.
settings.FORM_RENDERER names it; tests/test_widget_rendering.py holds it to Django's output."""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

_WIDGETS = "django/forms/widgets/"
INPUTS = {
    f"{_WIDGETS}{kind}.html"
    for kind in ("input", "text", "number", "email", "url", "password", "hidden", "search", "tel", "date", "time")
}
TEXTAREA = f"{_WIDGETS}textarea.html"


class WidgetRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INPUTS:
            return mark_safe(_input(context["widget"]))
        if template_name == TEXTAREA:
            return mark_safe(_textarea(context["widget"]))
        return super().render(template_name, context, request=request)


def _input(widget):
    value = "" if widget["value"] is None else f' value="{conditional_escape(widget["value"])}"'
    name, kind = conditional_escape(widget["name"]), conditional_escape(widget["type"])
    return f'<input type="{kind}" name="{name}"{value}{_attrs(widget["attrs"])}>'


def _textarea(widget):
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _attrs(attrs):
    return "".join(_attr(conditional_escape(name), value) for name, value in attrs.items() if value is not False)


def _attr(name, value):
    return f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'
