"""{% field form.x %}: a labelled form field with its errors and help text next to it; {% field_row a b %}:
two of them side by side (one above the other on a narrow screen). Written here rather than included
from a template, since the workspace's claim form draws nine of them on every open and action."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def field(bound):
    errors = ""
    if bound.errors:
        messages = format_html_join("", "<p>{}</p>", ((error,) for error in bound.errors))
        errors = format_html('<div class="field__errors" id="{}_errors" role="alert">{}</div>', bound.auto_id, messages)
    # A div for the help: some (the password rules) is a list.
    help_text = (
        format_html('\n  <div class="field__help" id="{}_helptext">{}</div>', bound.auto_id, bound.help_text)
        if bound.help_text
        else ""
    )
    required = mark_safe(' <span class="required" aria-hidden="true">*</span>') if bound.field.required else ""
    return format_html(
        '<div class="field{}">\n  <label for="{}">{}{}</label>\n  {}{}{}\n</div>',
        " field--invalid" if bound.errors else "",
        bound.id_for_label,
        bound.label,
        required,
        errors,
        bound,
        help_text,
    )


@register.simple_tag
def field_row(first, second):
    return format_html('<div class="form-row">\n  {}\n  {}\n</div>', field(first), field(second))
