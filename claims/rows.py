"""The workspace's sentence rows as HTML, written by plain Python: a transcript has thousands of rows and
this is the page's hottest loop (bench/workspace_bench.py), several times faster than a template engine.

A row is data, not controls: its number links to the sentence in the side panel, its text has the claim
spans marked, chips list its claims (each a link to the claim) and pending suggestions (the panel has
their Accept and Dismiss). Only the current row carries the "Mark as claim" button, which submits the
page's one #mark-form; the page script moves that button to whichever row the editor is on. Numbers are
written unlocalised, and everything that comes from the article or a person goes through escape()."""

from html import escape

from .badges import badge_html
from .models import LabelStatus
from .wording import verdict_key

EXCERPT = 40  # characters of a claim or suggestion quote shown when it is not the whole sentence


def render_body(paragraphs, **page):
    """The sentence list: each (number, rows) paragraph a section. `page` is row_page()'s context."""
    if not paragraphs:
        return '<p class="empty">No sentence matches these filters.</p>'
    parts = []
    for number, rows in paragraphs:
        parts.append(f'<section class="paragraph" data-number="{number}"><ol class="sentences">')
        parts.extend(render_row(row, **page) for row in rows)
        parts.append("</ol></section>")
    return "".join(parts)


def render_row(row, *, current, selected_claim, can_annotate, oob=False):
    """One SentenceRow as an <li id="sentence-ID">; `oob` marks it for htmx to swap in out of band."""
    pk = row.pk
    if not (row.active_claims or row.pending_suggestions or row.reviewed or pk == current or oob):
        # Most rows of a transcript are just a sentence.
        return f'<li id="sentence-{pk}"><a href="?sentence={pk}">{row.number}</a><p>{escape(row.text, False)}</p></li>'
    classes = " ".join(
        name for name, wanted in (("has-claims", row.active_claims), ("is-reviewed", row.reviewed),
                                  ("is-current", pk == current)) if wanted
    )  # fmt: skip
    attributes = f' class="{classes}"' if classes else ""
    if oob:
        attributes += ' hx-swap-oob="true"'
    # The stylesheet writes "Sentence " before the number, for the link's name; a reviewed row says more.
    link = f' aria-label="Sentence {row.number}, reviewed"' if row.reviewed else ""
    if pk == current and not oob:
        link += " autofocus"  # without a #fragment, this is what scrolls the page to the current sentence
    parts = [
        f'<li id="sentence-{pk}"{attributes}><a href="?sentence={pk}"{link}>{row.number}</a>'
        f"<p>{_marked_text(row) if row.active_claims else escape(row.text, False)}</p>"
    ]
    if row.active_claims:
        parts.append(_claim_chips(row, selected_claim))
    if can_annotate and row.pending_suggestions:
        parts.append(_suggestion_chips(row))
    if can_annotate and pk == current:
        parts.append(_mark_button(pk))
    parts.append("</li>")
    return "".join(parts)


def _mark_button(sentence_id):
    """The "Mark as claim" button: it posts #mark-form to the sentence's mark URL, relative to the page."""
    action = f"sentences/{sentence_id}/claims/"
    return f'<button class="mark-button" form="mark-form" formaction="{action}">Mark as claim</button>'


def _claim_chips(row, selected_claim):
    chips = []
    for claim in row.active_claims:
        selected = ' class="is-selected"' if claim.pk == selected_claim else ""
        speaker = escape(claim.speaker) if claim.speaker else "Speaker not set"
        via = f" via {escape(claim.channel)}" if claim.channel else ""
        chips.append(
            f'<li id="claim-{claim.pk}"{selected}><a href="?claim={claim.pk}"><b>{speaker}</b>{via}'
            f"{_excerpt(row, claim.start, claim.end, claim.text)} {badge_html(claim.verdict, claim.status)}</a></li>"
        )
    return f'<ul class="claim-chips" aria-label="Claims in sentence {row.number}">{"".join(chips)}</ul>'


def _suggestion_chips(row):
    chips = []
    for suggestion in row.pending_suggestions:
        via = f" · via {escape(suggestion.channel)}" if suggestion.channel else ""
        flags = ' <span class="flag">hedged</span>' if suggestion.hedged else ""
        if suggestion.nested:
            flags += ' <span class="flag">claim within a claim</span>'
        if suggestion.for_claim:
            flags += f' <span class="flag">for the claim {_quoted(suggestion.for_claim.text)}</span>'
        chips.append(
            f'<li data-suggestion="{suggestion.pk}"><b>{escape(suggestion.source_text)}</b> {escape(suggestion.cue)}'
            f"{via}{_excerpt(row, suggestion.start, suggestion.end, suggestion.quote)}{flags}</li>"
        )
    return f'<ul class="suggestion-chips">{"".join(chips)}</ul>'


def _excerpt(row, start, end, words):
    """A span's words in quotes, shortened, when the span is not the whole sentence."""
    if start == row.start and end == row.end:
        return ""
    return f" {_quoted(words)}"


def _quoted(words):
    if len(words) > EXCERPT:
        words = words[: EXCERPT - 1] + "…"
    return f"“{escape(words)}”"


def _marked_text(row):
    """The sentence text with each claim span in a <mark>; where claims overlap, the text is cut into
    segments, each marked with every claim covering it (its depth, up to 3, shades it)."""
    text, offset, claims = row.text, row.start, row.active_claims
    cuts = sorted({0, len(text)} | {c.start - offset for c in claims} | {c.end - offset for c in claims})
    parts = []
    for left, right in zip(cuts, cuts[1:]):
        piece = escape(text[left:right], False)
        covering = [c for c in claims if c.start - offset <= left and right <= c.end - offset]
        if not covering:
            parts.append(piece)
            continue
        shown = covering[-1]
        # A rejected proposal is no verdict: its words are shaded as a claim without one.
        verdict = "none" if shown.status == LabelStatus.REJECTED else verdict_key(shown.verdict)
        ids = " ".join(str(c.pk) for c in covering)
        parts.append(
            f'<mark class="claim-span verdict-{verdict} depth-{min(len(covering), 3)}" data-claims="{ids}">'
            f"{piece}</mark>"
        )
    return "".join(parts)
