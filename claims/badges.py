"""The verdict badge that pages show for a label: its symbol and word and its state, never colour alone.
One function for the Django pages ({% verdict_badge %}) and the workspace's sentence rows."""

from django.utils.safestring import mark_safe

from . import wording
from .models import LabelStatus

NO_LABEL = '<span class="badge verdict-none">No label</span>'


def verdict_badge(label):
    """The badge of a Label, or of no label (None), safe to put in a Django template."""
    return mark_safe(badge_html(label.verdict, label.status) if label else NO_LABEL)


def badge_html(verdict, status):
    """The badge of a label's verdict and status, as an HTML string; NO_LABEL for no verdict."""
    if not verdict:
        return NO_LABEL
    key = wording.verdict_key(verdict)
    symbol, word, _ = wording.VERDICTS[key]
    if status == LabelStatus.REJECTED:
        # A rejected proposal is no verdict: it reads as rejected, not in the verdict's colour.
        return f'<span class="badge state-rejected">Rejected proposal: {word}</span>'
    state = LabelStatus(status).label.lower()  # a status it does not know raises
    return (
        f'<span class="badge verdict-{key} state-{status}"><span aria-hidden="true">{symbol}</span> {word} · '
        f"{state}</span>"
    )
