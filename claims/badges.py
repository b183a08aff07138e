"""The verdict badge that pages show for a label: its symbol and word and its state, never colour alone.
One function for the Django pages ({% verdict_badge %}) and the Jinja2 workspace rows."""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from . import wording


def verdict_badge(label):
    if label is None:
        return mark_safe('<span class="badge verdict-none">No label</span>')
    symbol, word, _ = wording.VERDICTS[wording.verdict_key(label.verdict)]
    if label.status == "rejected":
        # A rejected proposal is no verdict: it reads as rejected, not in the verdict's colour.
        return format_html('<span class="badge state-rejected">Rejected proposal: {}</span>', word)
    return format_html(
        '<span class="badge verdict-{} state-{}"><span aria-hidden="true">{}</span> {} · {}</span>',
        label.verdict,
        label.status,
        symbol,
        word,
        label.get_status_display().lower(),
    )
