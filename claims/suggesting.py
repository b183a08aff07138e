"""Attribution suggestions for an article: run claims.attribution over its text once and store the
AttributionCandidates it finds as pending Suggestion rows, cut at sentence boundaries (a claim lies inside
one sentence).

suggest_claims() runs inside claims.importing.pipeline.import_and_suggest(), the one call that importing
views and commands make, so the work can move to a task queue without changing them."""

import bisect

from django.db import transaction
from django.utils import timezone

from .attribution import suggest_attributions
from .models import Article, Claim, Source, SourceKind, Suggestion


def suggest_claims(article):
    """Store the article's suggestions once; returns how many were made (0 if done before)."""
    with transaction.atomic():
        if not Article.objects.filter(pk=article.pk, suggested_at__isnull=True).update(suggested_at=timezone.now()):
            return 0
        sentences = list(article.sentences.order_by("start"))
        starts = [sentence.start for sentence in sentences]
        claimed = set(Claim.objects.active().filter(article=article).values_list("start", "end"))
        found_all = suggest_attributions(article.text, article.language)
        registry = Source.objects.best_matches({found.source_text for found in found_all})
        rows = []
        for found in found_all:
            for sentence, start, end in _pieces(
                found.content_start, found.content_end, sentences, starts, article.text
            ):
                if (start, end) in claimed:
                    continue
                rows.append(
                    Suggestion(
                        article=article,
                        sentence=sentence,
                        start=start,
                        end=end,
                        source_text=found.source_text[:200],
                        source_start=found.source_start,
                        source_end=found.source_end,
                        source_kind=_kind(found),
                        role=(found.role_text or "")[:200],
                        source=registry[found.source_text],
                        channel=(found.channel_text or "")[:300],
                        cue=(found.cue_text or "")[:100],
                        hedged=found.hedged,
                        nested=found.nested,
                    )
                )
        Suggestion.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _pieces(start, end, sentences, starts, text):
    """The parts of [start, end) that fall in each sentence, trimmed of surrounding whitespace."""
    index = max(bisect.bisect_right(starts, start) - 1, 0)
    while index < len(sentences) and sentences[index].start < end:
        sentence = sentences[index]
        left, right = max(start, sentence.start), min(end, sentence.end)
        piece = text[left:right]
        left += len(piece) - len(piece.lstrip())
        right -= len(piece) - len(piece.rstrip())
        if left < right:
            yield sentence, left, right
        index += 1


def _kind(found):
    return found.source_kind if found.source_kind in SourceKind.values else SourceKind.PERSON
