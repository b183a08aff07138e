"""The panel's "Why" line of a suggestion (claims/suggestion_reasons.py) as HTML. Formats; never queries."""

from django import template
from django.utils.html import escape, format_html, format_html_join

from ..suggestion_reasons import CLAIM, SPEAKER, has_mark, reason_pieces

register = template.Library()

# Each mark carries a visible tag naming it, so the marks do not rest on colour alone; a screen reader
# hears "Andrii Yusov (speaker)" and "claim: Armed Russian …".
MARK = (
    '<mark class="why-mark why-mark--{kind}">{text}</mark><span class="why-tag">'
    '<span class="visually-hidden"> (</span>{kind}<span class="visually-hidden">)</span></span>'
)
CLAIM_MARK = (
    '<mark class="why-mark why-mark--claim">'
    '<span class="why-tag">claim<span class="visually-hidden">:</span></span> {parts}</mark>'
)
ELSEWHERE = ' <span class="why-note">(speaker named in another sentence)</span>'


@register.filter
def why_marked(suggestion, sentence):
    """{{ suggestion|why_marked:sentence }}: the sentence (a SentenceRow), escaped, with the suggestion's
    speaker mention, cue, channel and claim span marked; and a note when the speaker is named in another
    sentence (a back-reference: "said Yusov")."""
    pieces = reason_pieces(suggestion, sentence.text, offset=sentence.start)
    if has_mark(pieces, SPEAKER):
        return _html(pieces)
    return format_html("{}" + ELSEWHERE, _html(pieces))


def _html(pieces):
    return format_html_join("", "{}", ((_piece(piece),) for piece in pieces))


def _piece(piece):
    if not piece.kind:
        return escape(piece.text)
    if piece.kind == CLAIM:
        return format_html(CLAIM_MARK, parts=_html(piece.parts))
    return format_html(MARK, kind=piece.kind, text=piece.text)
