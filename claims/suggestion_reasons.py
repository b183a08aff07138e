"""Why the workbench made a suggestion: its sentence cut into pieces that mark the speaker mention, the cue,
the channel and the claim span, for the panel's "Why" line. Pure functions, no Django imports.

Only the speaker comes with offsets: the name where the article first gives it (source_start,
source_end), marked when it is in this sentence; else the mention in this sentence (mention_start,
mention_end: "the intelligence official", "Yusov"); else the name is looked for in this sentence.
The cue and the channel are words, so they are looked for in the sentence: the cue as the whole-word
occurrence nearest the speaker mention (or, without one, nearest the claim), the channel nearest the cue,
each outside the claim span if it occurs there. Marks never cross: the claim span may hold the others (a
nested claim), and where two marks would overlap the more specific one wins: the speaker (known by its
offsets), then the cue, then the channel, then the claim."""

import re
from dataclasses import dataclass

SPEAKER, CUE, CHANNEL, CLAIM = "speaker", "cue", "channel", "claim"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of the sentence's text: plain (kind ""), a SPEAKER, CUE or CHANNEL mark, or the CLAIM span,
    whose `parts` are the plain and marked pieces inside it (they join to its text)."""

    text: str
    kind: str = ""
    parts: tuple = ()


def reason_pieces(suggestion, text, *, offset):
    """The sentence `text` (which starts at `offset` in the article text) as a list of Pieces that join to
    `text`. `suggestion` has start and end (the claim span), source_text, source_start and source_end (the
    speaker mention; None or outside the sentence: the name where this sentence gives it outside the claim,
    if it does), cue and channel (words; absent: not marked), all offsets absolute."""
    claim = _inside(text, suggestion.start - offset, suggestion.end - offset)
    speaker = None
    for start, end in (
        (suggestion.source_start, suggestion.source_end),  # the name, when this sentence gives it
        (suggestion.mention_start, suggestion.mention_end),  # else how it refers to them: "the official"
    ):
        if speaker is None and start is not None and end is not None:
            speaker = _inside(text, start - offset, end - offset, whole=True)
    if speaker is None:
        # A speaker is not among the words of their own claim: a name only the claim holds is someone else.
        names = [span for span in _occurrences(text, suggestion.source_text) if not (claim and _overlap(span, claim))]
        speaker = _nearest(names, near=claim, claim=claim, taken=[])
    if claim and speaker:
        claim = _trimmed(claim, speaker)
        if claim is None:  # a mention covering the whole claim: the claim is what is being suggested
            claim, speaker = _inside(text, suggestion.start - offset, suggestion.end - offset), None
    taken = [speaker] if speaker else []
    cue = _nearest(_occurrences(text, suggestion.cue), near=speaker or claim, claim=claim, taken=taken)
    taken += [cue] if cue else []
    channel = _nearest(_occurrences(text, suggestion.channel), near=cue or speaker or claim, claim=claim, taken=taken)
    marks = sorted((span, kind) for span, kind in ((speaker, SPEAKER), (cue, CUE), (channel, CHANNEL)) if span)
    if not claim:
        return _cut(text, 0, len(text), marks)
    inner = [(span, kind) for span, kind in marks if claim[0] <= span[0] and span[1] <= claim[1]]
    outer = [(span, kind) for span, kind in marks if (span, kind) not in inner]
    before = _cut(text, 0, claim[0], [mark for mark in outer if mark[0][1] <= claim[0]])
    after = _cut(text, claim[1], len(text), [mark for mark in outer if mark[0][0] >= claim[1]])
    claimed = Piece(text[claim[0] : claim[1]], CLAIM, tuple(_cut(text, *claim, inner)))
    return [*before, claimed, *after]


def has_mark(pieces, kind):
    """Whether `pieces` (reason_pieces()) mark a `kind`, inside the claim span or outside it."""
    return any(piece.kind == kind or has_mark(piece.parts, kind) for piece in pieces)


def _inside(text, start, end, *, whole=False):
    """(start, end) clipped to the sentence, or None when nothing of it is left; with `whole`, None unless
    it lies wholly inside."""
    if whole and (start < 0 or end > len(text)):
        return None
    start, end = max(start, 0), min(end, len(text))
    return (start, end) if start < end else None


def _trimmed(claim, mark):
    """The claim span without the characters of a mark that crosses one of its ends (the mark is the more
    specific); the claim as it is when the mark lies inside it or apart; None when nothing is left."""
    start, end = claim
    if start <= mark[0] and mark[1] <= end:
        return claim
    if mark[0] <= start < mark[1]:
        start = mark[1]
    if mark[0] < end <= mark[1]:
        end = mark[0]
    return (start, end) if start < end else None


def _occurrences(text, words):
    """Each case-insensitive, whole-word occurrence of `words` in `text`, as (start, end)."""
    words = " ".join((words or "").split())
    if not words:
        return []
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words.split(" ")) + r"(?!\w)"
    return [match.span() for match in re.finditer(pattern, text, re.IGNORECASE)]


def _nearest(spans, *, near, claim, taken):
    """The span nearest `near` that overlaps nothing `taken` and does not cross the claim span's ends, one
    outside the claim first; None when there is none."""

    def gap(span):
        return max(0, span[0] - near[1], near[0] - span[1]) if near else 0

    free = [span for span in spans if not any(_overlap(span, other) for other in taken)]
    if claim:
        outside = [span for span in free if not _overlap(span, claim)]
        free = outside or [span for span in free if claim[0] <= span[0] and span[1] <= claim[1]]
    return min(free, key=lambda span: (gap(span), span[0]), default=None)


def _overlap(one, other):
    return one[0] < other[1] and other[0] < one[1]


def _cut(text, start, end, marks):
    """text[start:end] as plain and marked Pieces; `marks` ((start, end), kind) lie inside it, apart, in order."""
    pieces, at = [], start
    for (left, right), kind in marks:
        if at < left:
            pieces.append(Piece(text[at:left]))
        pieces.append(Piece(text[left:right], kind))
        at = right
    if at < end:
        pieces.append(Piece(text[at:end]))
    return pieces
