"""Formatting for the workspace. These tags format what the view loaded; they never query."""

import re
from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince

from .. import badges, history_text, wording

register = template.Library()

# The verdicts a source's record counts, in the order pages list them.
RECORD_VERDICTS = ("confirmed", "denied", "unverified")


@register.simple_tag
def verdict_badge(label):
    return badges.verdict_badge(label)


@register.filter
def record(source):
    """[(verdict, symbol, word, count)] for a source annotated by SourceQuerySet.with_record()."""
    return [(key, *wording.VERDICTS[key][:2], getattr(source, f"{key}_count")) for key in RECORD_VERDICTS]


@register.filter
def speaker_line(source, form="with name"):
    """{{ source|speaker_line }}: "Andrii Yusov, spokesperson, Ukraine's military intelligence";
    {{ source|speaker_line:"without name" }}: "spokesperson, Ukraine's military intelligence". No source: ""."""
    return wording.speaker_line(source, with_name=form != "without name") if source else ""


@register.filter
def progress_percent(progress, part):
    return progress.percent(part)


@register.filter
def history_line(entry):
    """A history entry in plain English with its actor in bold, escaped. Never queries: load entries
    with HistoryEntry.objects.with_actor()."""
    return format_html("<strong>{}</strong> {}", history_text.actor_name(entry), history_text.what(entry))


@register.simple_tag
def timeline(entries, empty_text):
    """A timeline of history entries, newest first, each: when, who, what (history_line); written here
    rather than by a template, since the workspace draws twenty of them on every open and action."""
    if not entries:
        return format_html('<p class="timeline__empty muted">{}</p>', empty_text)
    items = format_html_join(
        "\n", '  <li class="timeline__entry timeline__entry--{}">\n    <time class="timeline__when" datetime="{}">{}'
        '</time>\n    <span class="timeline__what">{}</span>\n  </li>',
        ((entry.action, *_when(entry.at), history_line(entry)) for entry in entries),
    )  # fmt: skip
    return format_html('<ol class="timeline">\n{}\n</ol>', items)


def _when(moment):
    """(machine-readable, as people read it) in the current time zone: what the date filter writes for "c"
    and "j M Y, H:i", without its format parser."""
    local = timezone.localtime(moment)
    return local.isoformat(), f"{local.day} {MONTHS_3[local.month].title()} {local.year}, {local:%H:%M}"


@register.filter
def source_changes(entry):
    """A source's history entry as (label, before, after) rows of text; see history_text.source_changes."""
    return history_text.source_changes(entry)


@register.filter
def claims_moved(entry):
    return history_text.claims_moved(entry)


@register.filter
def age(moment):
    """How long ago, in its largest unit: "3 days", "5 hours", "under a minute"."""
    if not moment:
        return ""
    return "under a minute" if timezone.now() - moment < timedelta(minutes=1) else timesince(moment, depth=1)


@register.filter
def duration(length):
    """A timedelta in words: "15 minutes", "1 hour, 30 minutes"."""
    now = timezone.now()
    return timesince(now - length, now, depth=2)


@register.filter
def highlight(text, terms):
    """{{ text|highlight:terms }}: the text, escaped, with each of the words searched for in a <mark>."""
    text = str(text or "")
    if not terms:
        return escape(text)
    found = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    parts, last = [], 0
    for match in found.finditer(text):
        parts += [escape(text[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))
