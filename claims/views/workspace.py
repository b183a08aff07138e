"""What the workspace page and its htmx fragments have in common: loading an article's sentences
with their claims in a fixed number of queries, the filters, and the side panel."""

from collections import defaultdict
from dataclasses import dataclass

from ..forms import ClaimForm
from ..models import Claim, HistoryEntry, Verdict
from ..permissions import can_annotate

TIMELINE_LIMIT = 50


@dataclass(frozen=True)
class Filters:
    show: str = "all"  # all | claims | unlabelled
    speaker: int | None = None
    label: str = ""  # a verdict, or "none"

    SHOW_CHOICES = [("all", "All sentences"), ("claims", "Only claims"), ("unlabelled", "Unlabelled claims")]

    @classmethod
    def from_query(cls, query):
        show = query.get("show", "all")
        speaker = query.get("speaker", "")
        label = query.get("label", "")
        return cls(
            show=show if show in dict(cls.SHOW_CHOICES) else "all",
            speaker=int(speaker) if speaker.isdigit() else None,
            label=label if label in Verdict.values or label == "none" else "",
        )

    @property
    def active(self):
        return self != Filters()

    def keeps(self, sentence):
        claims = sentence.active_claims
        if self.show == "claims" and not claims:
            return False
        if self.show == "unlabelled" and not any(c.current_label is None for c in claims):
            return False
        if self.speaker and not any(c.source_id == self.speaker for c in claims):
            return False
        if self.label and not any(_verdict(c) == self.label for c in claims):
            return False
        return True


def _verdict(claim):
    label = claim.current_label
    return label.verdict if label else "none"


def load_sentences(article):
    """The article's sentences, each with .active_claims (speaker and labels loaded) and
    .pending_suggestions: four queries."""
    sentences = list(article.sentences.all())
    claims, suggestions = defaultdict(list), defaultdict(list)
    for claim in article.claims.active().with_labels():
        claim.article = article
        claims[claim.sentence_id].append(claim)
    for suggestion in article.suggestions.pending():
        suggestion.quote = article.text[suggestion.start : suggestion.end]
        suggestions[suggestion.sentence_id].append(suggestion)
    for sentence in sentences:
        sentence.article = article
        sentence.active_claims = claims[sentence.pk]
        sentence.pending_suggestions = suggestions[sentence.pk]
    return sentences


def load_sentence(article, sentence_id):
    sentence = article.sentences.get(pk=sentence_id)
    sentence.article = article
    sentence.active_claims = list(Claim.objects.active().filter(sentence=sentence).with_labels())
    sentence.pending_suggestions = list(sentence.suggestions.pending())
    for suggestion in sentence.pending_suggestions:
        suggestion.quote = article.text[suggestion.start : suggestion.end]
    for claim in sentence.active_claims:
        claim.article = article
        claim.sentence = sentence
    return sentence


def panel_context(request, article, *, sentence, claim=None, form=None, error="", notice=""):
    """Context of the side panel (_panel.html): the current sentence's tools and the selected claim
    with its timeline."""
    if claim is not None and form is None:
        form = ClaimForm.for_claim(claim)
    timeline = list(HistoryEntry.objects.for_claim(claim.pk).with_actor()[:TIMELINE_LIMIT]) if claim else []
    return {
        "article": article,
        "sentence": sentence,
        "claim": claim,
        "form": form,
        "timeline": timeline,
        "error": error,
        "notice": notice,
        "can_annotate": can_annotate(request.user),
    }
