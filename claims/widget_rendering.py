"""A faster renderer for the form widgets the claim panel draws on every open: the same HTML as Django's
widget templates for inputs, textareas, selects and radio buttons, built in Python (each template costs
about a quarter of a millisecond, and a select or a set of radios includes one per option); every other
widget (checkboxes, custom option templates) through the templates. settings.FORM_RENDERER names it;
tests/test_widget_rendering.py holds it to Django's output, newlines included: each included template
ends with one."""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

_WIDGETS = "django/forms/widgets/"
INPUTS = {
    f"{_WIDGETS}{kind}.html"
    for kind in ("input", "text", "number", "email", "url", "password", "hidden", "search", "tel", "date", "time")
}
TEXTAREA = f"{_WIDGETS}textarea.html"
SELECT, SELECT_OPTION = f"{_WIDGETS}select.html", f"{_WIDGETS}select_option.html"
RADIO, RADIO_OPTION = f"{_WIDGETS}radio.html", f"{_WIDGETS}radio_option.html"


class WidgetRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INPUTS:
            return mark_safe(_input(context["widget"]))
        if template_name == TEXTAREA:
            return mark_safe(_textarea(context["widget"]))
        if template_name == SELECT and _options_drawn_by(context["widget"], SELECT_OPTION):
            return mark_safe(_select(context["widget"]))
        if template_name == RADIO and _options_drawn_by(context["widget"], RADIO_OPTION):
            return mark_safe(_radio(context["widget"]))
        return super().render(template_name, context, request=request)


def _input(widget):
    value = "" if widget["value"] is None else f' value="{conditional_escape(widget["value"])}"'
    name, kind = conditional_escape(widget["name"]), conditional_escape(widget["type"])
    return f'<input type="{kind}" name="{name}"{value}{_attrs(widget["attrs"])}>'


def _textarea(widget):
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _options_drawn_by(widget, template_name):
    return all(option["template_name"] == template_name for _, options, _ in widget["optgroups"] for option in options)


def _select(widget):
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group, options, _ in widget["optgroups"]:
        if group:
            parts.append(f'\n  <optgroup label="{conditional_escape(group)}">')
        for option in options:
            value, label = conditional_escape(option["value"]), conditional_escape(option["label"])
            parts.append(f'\n  <option value="{value}"{_attrs(option["attrs"])}>{label}</option>\n')
        if group:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _radio(widget):
    """multiple_input.html: a div of radio_option.html's, each in a div."""
    id_, class_ = widget["attrs"].get("id"), widget["attrs"].get("class")
    parts = ["<div", f' id="{conditional_escape(id_)}"' if id_ else ""]
    parts.append(f' class="{conditional_escape(class_)}">' if class_ else ">")
    for group, options, _ in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{conditional_escape(group)}</label>")
        parts.extend(f"<div>\n    {_radio_option(option)}</div>" for option in options)
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return "".join(parts)


def _radio_option(option):
    """radio_option.html, which includes input_option.html, which includes input.html."""
    drawn = _input(option) + "\n"
    if option["wrap_label"]:
        id_ = option["attrs"].get("id")
        target = f' for="{conditional_escape(id_)}"' if id_ else ""
        drawn = f"<label{target}>{drawn} {conditional_escape(option['label'])}</label>"
    return drawn + "\n\n"


def _attrs(attrs):
    return "".join(_attr(conditional_escape(name), value) for name, value in attrs.items() if value is not False)


def _attr(name, value):
    return f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'
