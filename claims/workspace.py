"""What the workspace screen reads, in a fixed number of queries whatever the article's length: an
article's sentences, each with .active_claims (speaker and labels loaded, .article set) and
.pending_suggestions (each with its .quote and .for_claim), and which of them the filters keep."""

from collections import defaultdict
from dataclasses import dataclass

from .models import Claim
from .models.suggestions import claim_to_fill


@dataclass(slots=True, eq=False)
class SentenceRow:
    """One sentence as the workspace page lists it: plain values, not a model, since a transcript has
    thousands (see load_sentences)."""

    pk: int
    number: int
    paragraph: int
    start: int
    end: int
    reviewed: bool
    text: str
    active_claims: list
    pending_suggestions: list


@dataclass(slots=True, eq=False)
class SuggestionRow:
    """What a sentence row shows of a pending suggestion. for_claim: the sentence's claim that accepting
    it fills (see claims.models.suggestions.claim_to_fill), else None."""

    pk: int
    start: int
    end: int
    source_text: str
    cue: str
    channel: str
    hedged: bool
    nested: bool
    quote: str
    for_claim: Claim | None = None


SUGGESTION_FIELDS = ("pk", "sentence_id", "start", "end", "source_text", "cue", "channel", "hedged", "nested")


def load_sentences(article):
    """Every sentence of the article as a SentenceRow, in reading order: four queries."""
    claims, suggestions = defaultdict(list), defaultdict(list)
    for claim in article.claims.active().with_labels():
        claim.article = article
        claims[claim.sentence_id].append(claim)
    text = article.text
    # The registry match stored with a suggestion (source_id) says which claim it would fill.
    rows = article.suggestions.pending().values_list(*SUGGESTION_FIELDS, "source_id")
    for pk, sentence_id, start, end, *shown, source_id in rows:
        row = SuggestionRow(pk, start, end, *shown, quote=text[start:end])
        row.for_claim = claim_to_fill(row, source_id, claims[sentence_id])
        suggestions[sentence_id].append(row)
    return [
        SentenceRow(pk, number, paragraph, start, end, reviewed, text[start:end], claims[pk], suggestions[pk])
        for pk, number, paragraph, start, end, reviewed in article.sentences.values_list(
            "pk", "number", "paragraph", "start", "end", "reviewed"
        )
    ]


def load_sentence(article, *, sentence_id=None, claim_id=None):
    """The sentence holding the active claim `claim_id`, else sentence `sentence_id`, else the first one;
    None when that claim or sentence is not in this article. Each claim's .sentence is set too."""
    if claim_id:
        sentences = article.sentences.filter(claims__in=Claim.objects.active().filter(pk=claim_id))
    elif sentence_id:
        sentences = article.sentences.filter(pk=sentence_id)
    else:
        sentences = article.sentences.all()
    sentence = sentences.first()
    if sentence is None:
        return None
    claims = list(Claim.objects.active().filter(sentence=sentence).with_labels())
    _attach(article, sentence, claims, list(sentence.suggestions.pending()))
    for claim in claims:
        claim.sentence = sentence
    return sentence


def _attach(article, sentence, claims, suggestions):
    sentence.article = article
    sentence.active_claims = claims
    sentence.pending_suggestions = suggestions
    for claim in claims:
        claim.article = article
    for suggestion in suggestions:
        suggestion.quote = article.text[suggestion.start : suggestion.end]
        suggestion.for_claim = claim_to_fill(suggestion, suggestion.source_id, claims)


def claim_in(sentence, claim_id):
    """The loaded active claim of this sentence with that id, or None."""
    return next((claim for claim in sentence.active_claims if claim.pk == claim_id), None)


def keeps(sentence, *, show="all", speaker=None, label=""):
    """Whether the workspace filters keep a loaded sentence. `show`: "all", "claims" (sentences with a
    claim) or "unlabelled" (with a claim without a label); `speaker`: a source id that one of its claims
    has; `label`: a verdict that one of its claims' labels has, or "none" for a claim without a label."""
    claims = sentence.active_claims
    if show == "claims" and not claims:
        return False
    if show == "unlabelled" and not any(claim.current_label is None for claim in claims):
        return False
    if speaker and not any(claim.source_id == speaker for claim in claims):
        return False
    return not label or any(_verdict(claim) == label for claim in claims)


def _verdict(claim):
    label = claim.current_label
    return label.verdict if label else "none"
