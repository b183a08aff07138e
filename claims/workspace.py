"""What the workspace screen reads, in a fixed number of queries whatever the article's length: the rows
of the sentence list (plain values, for a transcript's thousands), the one sentence the side panel shows
(models, with each claim's labels), and which rows the filters keep."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from .models import Label
from .models.suggestions import claim_to_fill


@dataclass(slots=True, eq=False)
class SentenceRow:
    """One sentence as the sentence list shows it (claims/rows.py)."""

    pk: int
    number: int
    paragraph: int
    start: int
    end: int
    reviewed: bool
    text: str
    active_claims: list  # of ClaimRow
    pending_suggestions: list  # of SuggestionRow


@dataclass(slots=True, eq=False)
class ClaimRow:
    """What a sentence row shows of an active claim and what the filters ask of it. `verdict` and
    `status` are its current label's (Claim.current_label), empty without one."""

    pk: int
    start: int
    end: int
    source_id: int | None
    speaker: str  # the source's name, "" when not set
    channel: str
    text: str
    verdict: str = ""
    status: str = ""


@dataclass(slots=True, eq=False)
class SuggestionRow:
    """What a sentence row and the panel show of a pending suggestion. for_claim: the sentence's claim
    (a ClaimRow) that accepting it fills (see claims.models.suggestions.claim_to_fill), else None."""

    pk: int
    start: int
    end: int
    source_text: str
    cue: str
    channel: str
    hedged: bool
    nested: bool
    quote: str
    for_claim: ClaimRow | None = None


SUGGESTION_FIELDS = ("pk", "sentence_id", "start", "end", "source_text", "cue", "channel", "hedged", "nested")
CLAIM_FIELDS = ("pk", "sentence_id", "start", "end", "source_id", "source__name", "channel", "verdict", "label_status")


def load_rows(article, *, sentence_id=None):
    """The article's sentences (or only sentence `sentence_id`) as SentenceRows in reading order, with
    their active claims and pending suggestions: three queries, and no model instances."""
    sentences, claims, suggestions = article.sentences.all(), article.claims.active(), article.suggestions.pending()
    if sentence_id is not None:
        sentences, claims = sentences.filter(pk=sentence_id), claims.filter(sentence_id=sentence_id)
        suggestions = suggestions.filter(sentence_id=sentence_id)
    text = article.text
    by_sentence, pending = defaultdict(list), defaultdict(list)
    claims = claims.annotate(verdict=_current_label("verdict"), label_status=_current_label("status"))
    for pk, in_sentence, start, end, source_id, speaker, channel, verdict, status in claims.values_list(*CLAIM_FIELDS):
        by_sentence[in_sentence].append(
            ClaimRow(pk, start, end, source_id, speaker or "", channel, text[start:end], verdict or "", status or "")
        )
    # The registry match stored with a suggestion (source_id) says which claim it would fill.
    for pk, in_sentence, start, end, *shown, source_id in suggestions.values_list(*SUGGESTION_FIELDS, "source_id"):
        row = SuggestionRow(pk, start, end, *shown, quote=text[start:end])
        row.for_claim = claim_to_fill(row, source_id, by_sentence[in_sentence])
        pending[in_sentence].append(row)
    fields = ("pk", "number", "paragraph", "start", "end", "reviewed")
    return [
        SentenceRow(pk, number, paragraph, start, end, reviewed, text[start:end], by_sentence[pk], pending[pk])
        for pk, number, paragraph, start, end, reviewed in sentences.values_list(*fields)
    ]


def _current_label(field):
    """A field of the claim's current label (Claim.current_label: the newest not withdrawn), as a subquery."""
    labels = Label.objects.filter(claim=OuterRef("pk")).exclude(status=Label.Status.WITHDRAWN)
    return Subquery(labels.order_by("-proposed_at", "-pk").values(field)[:1])


def load_claim(article, claim_id):
    """The active claim `claim_id` of this article with its speaker and labels (for the side panel), or
    None: two queries, none without an id."""
    if not claim_id:
        return None
    claim = article.claims.active().filter(pk=claim_id).with_labels().first()
    if claim is not None:
        claim.article = article
    return claim


def load_panel(article, *, sentence_id=None, claim_id=None):
    """(row, claim) for the side panel: the active claim `claim_id` (see load_claim) and its sentence's
    row, else sentence `sentence_id`'s row and no claim, else the first sentence's. (None, None) when
    that claim or sentence is not in this article. Five queries at most."""
    claim = load_claim(article, claim_id)
    if claim_id and claim is None:
        return None, None
    if claim is not None:
        sentence_id = claim.sentence_id
    elif not sentence_id:
        sentence_id = article.sentences.values_list("pk", flat=True).first()
    rows = load_rows(article, sentence_id=sentence_id)
    return (rows[0], claim) if rows else (None, None)


def keeps(sentence, *, show="all", speaker=None, label=""):
    """Whether the workspace filters keep a SentenceRow. `show`: "all", "claims" (sentences with a
    claim) or "unlabelled" (with a claim without a label); `speaker`: a source id that one of its claims
    has; `label`: a verdict that one of its claims' labels has, or "none" for a claim without a label."""
    claims = sentence.active_claims
    if show == "claims" and not claims:
        return False
    if show == "unlabelled" and not any(not claim.verdict for claim in claims):
        return False
    if speaker and not any(claim.source_id == speaker for claim in claims):
        return False
    return not label or any((claim.verdict or "none") == label for claim in claims)
