"""Finding the claims checked before (models/prior_checks.py), on the worker: the workspace enqueues
find_prior_checks when a claim is marked or its words change, so the panel only reads what was found."""

from django.db import transaction
from django_tasks import task

from .matching import rank_similar
from .models import Claim, Label, LabelStatus, PriorCheck

SHOWN = 3  # earlier checks the panel offers


def enqueue_for(claim):
    """Look for the claim's earlier checks in the background (inside the caller's transaction)."""
    find_prior_checks.enqueue(claim.pk)


@task()
def find_prior_checks(claim_id):
    claim = (
        Claim.objects.active().select_related("sentence", "article").defer("article__text").filter(pk=claim_id).first()
    )
    if claim is not None:
        store(claim, found(claim))


def found(claim):
    """[(earlier claim id, its approved label id, its words, score)] for the claims of other articles whose
    newest approved label stands, that assert what `claim` asserts; best first, at most SHOWN."""
    approved = (
        Label.objects.filter(status=LabelStatus.APPROVED, claim__removed_at__isnull=True)
        .exclude(claim__article_id=claim.article_id)
        .order_by("claim_id", "-reviewed_at", "-pk")
        .values_list("claim_id", "pk", "claim__start", "claim__end", "claim__sentence__start", "claim__sentence__text")
    )
    newest = {}
    for claim_id, label_id, start, end, sentence_start, text in approved:
        newest.setdefault(claim_id, (label_id, text[start - sentence_start : end - sentence_start]))
    earlier = list(newest.items())
    ranked = rank_similar(_words(claim), [words for _, (_, words) in earlier], claim.article.language)
    return [(earlier[index][0], earlier[index][1][0], earlier[index][1][1], score) for index, score in ranked[:SHOWN]]


def store(claim, matches):
    with transaction.atomic():
        PriorCheck.objects.filter(claim=claim).delete()
        PriorCheck.objects.bulk_create(
            PriorCheck(claim=claim, earlier_id=earlier, label_id=label, text=words[:500], score=score)
            for earlier, label, words, score in matches
        )


def _words(claim):
    offset = claim.sentence.start
    return claim.sentence.text[claim.start - offset : claim.end - offset]
