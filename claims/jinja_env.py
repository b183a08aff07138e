"""The Jinja2 environment of the workspace's sentence rows: a transcript has thousands of them, and the
Django template language spends most of a long page's time on them (bench/workspace_bench.py). The pages
around the rows stay in Django templates."""

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from jinja2 import Environment

from .badges import verdict_badge


def environment(**options):
    env = Environment(**options)
    env.globals.update(marks=sentence_marks, verdict_badge=verdict_badge)
    return env


def sentence_marks(sentence):
    """The sentence text with each claim span wrapped in <mark>; overlapping claims nest as segments."""
    text = sentence.text
    claims = sentence.active_claims
    if not claims:
        return conditional_escape(text)
    cuts = sorted(
        {0, len(text)} | {c.start - sentence.start for c in claims} | {c.end - sentence.start for c in claims}
    )
    parts = []
    for left, right in zip(cuts, cuts[1:]):
        piece = text[left:right]
        covering = [c for c in claims if c.start - sentence.start <= left and right <= c.end - sentence.start]
        if not covering:
            parts.append(conditional_escape(piece))
            continue
        label = covering[-1].current_label
        parts.append(
            format_html(
                '<mark class="claim-span verdict-{} depth-{}" data-claims="{}">{}</mark>',
                label.verdict if label else "none",
                min(len(covering), 3),
                " ".join(str(c.pk) for c in covering),
                piece,
            )
        )
    return mark_safe("".join(parts))
