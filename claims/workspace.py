"""What the workspace screen reads, in a fixed number of queries whatever the article's length: the rows
of the sentence list (plain values, for a transcript's thousands), the one sentence the side panel shows
(models, with each claim's labels), and which rows the filters keep."""

from collections import defaultdict
from dataclasses import dataclass

from .compiled import Compiled
from .models import Claim, Label, Sentence, Suggestion
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
    (a ClaimRow) that accepting it fills (see claims.models.suggestions.claim_to_fill), else None.
    source_start, source_end: where the text names the speaker; mention_start, mention_end: where this
    sentence mentions them (the panel's "Why" line marks it)."""

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
    source_start: int | None = None
    source_end: int | None = None
    mention_start: int | None = None
    mention_end: int | None = None


SUGGESTION_FIELDS = (
    "pk",
    "sentence_id",
    "start",
    "end",
    "source_text",
    "cue",
    "channel",
    "hedged",
    "nested",
    "source_start",
    "source_end",
    "mention_start",
    "mention_end",
)
CLAIM_FIELDS = (
    "pk",
    "sentence_id",
    "start",
    "end",
    "source_id",
    "source__name",
    "channel",
    "labels__verdict",
    "labels__status",
)


SENTENCE_FIELDS = ("pk", "number", "paragraph", "start", "end", "reviewed")


def load_rows(article):
    """Every sentence of the article as a SentenceRow, in reading order: three queries, compiled once."""
    text = article.text
    rows = ARTICLE_CLAIMS.rows(article=article.pk), ARTICLE_SUGGESTIONS.rows(article=article.pk)
    claims, suggestions = _spans(*rows, text, offset=0)
    return [
        # SQLite's booleans come back from a Compiled query as 0 and 1.
        SentenceRow(pk, number, paragraph, start, end, bool(reviewed), text[start:end], claims[pk], suggestions[pk])
        for pk, number, paragraph, start, end, reviewed in ARTICLE_SENTENCES.rows(article=article.pk)
    ]


def load_row(sentence):
    """One sentence (a Sentence) as a SentenceRow: two queries, compiled once (every edit sends its row)."""
    rows = SENTENCE_CLAIMS.rows(sentence=sentence.pk), SENTENCE_SUGGESTIONS.rows(sentence=sentence.pk)
    claims, suggestions = _spans(*rows, sentence.text, offset=sentence.start)
    values = [getattr(sentence, field) for field in SENTENCE_FIELDS]
    return SentenceRow(*values, sentence.text, claims[sentence.pk], suggestions[sentence.pk])


def _claim_rows(claims):
    """These claims' active ones as CLAIM_FIELDS, in text order, a row per label, oldest first (so the
    last one not withdrawn is the claim's current label); without the article join that the models'
    default ordering ("article", ...) brings."""
    return claims.active().order_by("start", "pk", "labels__proposed_at", "labels__pk").values_list(*CLAIM_FIELDS)


def _suggestion_rows(suggestions):
    """These suggestions' pending ones as SUGGESTION_FIELDS and the registry match stored with each."""
    return suggestions.pending().order_by("start", "pk").values_list(*SUGGESTION_FIELDS, "source_id")


ARTICLE_CLAIMS = Compiled(lambda article: _claim_rows(Claim.objects.filter(article_id=article)), article=int)
ARTICLE_SUGGESTIONS = Compiled(
    lambda article: _suggestion_rows(Suggestion.objects.filter(article_id=article)), article=int
)
ARTICLE_SENTENCES = Compiled(
    lambda article: Sentence.objects.filter(article_id=article).order_by("number").values_list(*SENTENCE_FIELDS),
    article=int,
)
# By the sentence alone: by article, the database would read all the article's claims.
SENTENCE_CLAIMS = Compiled(lambda sentence: _claim_rows(Claim.objects.filter(sentence_id=sentence)), sentence=int)
SENTENCE_SUGGESTIONS = Compiled(
    lambda sentence: _suggestion_rows(Suggestion.objects.filter(sentence_id=sentence)), sentence=int
)


def _spans(claim_rows, suggestion_rows, text, *, offset):
    """({sentence id: [ClaimRow]}, {sentence id: [SuggestionRow]}) from _claim_rows() and
    _suggestion_rows(). `text` is the article's from `offset`."""
    by_sentence, by_id = defaultdict(list), {}
    for pk, in_sentence, start, end, source_id, speaker, channel, verdict, status in claim_rows:
        claim = by_id.get(pk)
        if claim is None:
            words = text[start - offset : end - offset]
            claim = by_id[pk] = ClaimRow(pk, start, end, source_id, speaker or "", channel, words)
            by_sentence[in_sentence].append(claim)
        if status and status != Label.Status.WITHDRAWN:
            claim.verdict, claim.status = verdict, status
    pending = defaultdict(list)
    for pk, in_sentence, start, end, source_text, cue, channel, hedged, nested, *mention, source_id in suggestion_rows:
        # SQLite's booleans come back from a Compiled query as 0 and 1.
        row = SuggestionRow(pk, start, end, source_text, cue, channel, bool(hedged), bool(nested),
                            quote=text[start - offset : end - offset], source_start=mention[0],
                            source_end=mention[1], mention_start=mention[2], mention_end=mention[3])  # fmt: skip
        # The registry match stored with a suggestion (source_id) says which claim it would fill.
        row.for_claim = claim_to_fill(row, source_id, by_sentence[in_sentence])
        pending[in_sentence].append(row)
    return by_sentence, pending


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
    sentences = article.sentences.order_by("number")
    if claim is not None or sentence_id:
        sentences = sentences.filter(pk=claim.sentence_id if claim else sentence_id)
    sentence = sentences.first()
    if sentence is None:
        return None, None
    sentence.article = article
    return load_row(sentence), claim


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
