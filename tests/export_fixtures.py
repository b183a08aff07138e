"""Annotated articles for the exporter tests: the seed article with claims in every label state, and
a hostile article whose every user-supplied string carries markup, script and formula payloads; and
the Workbench JSON round trip (export a document, restore one)."""

import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from claims.exporting import export_article
from claims.importing.metadata import Metadata
from claims.importing.pipeline import import_article
from claims.models import Claim, Label, Source

SEED = Path(settings.BASE_DIR) / "seeds" / "000_3ebd80acff131b37.txt"

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://evil.example","click")'


def _claim(article, words, *, source, channel="", cue="", by=None):
    start = article.text.index(words)
    sentence = article.sentences.get(start__lte=start, end__gte=start + len(words))
    return Claim.objects.create(
        article=article,
        sentence=sentence,
        start=start,
        end=start + len(words),
        source=source,
        channel=channel,
        cue=cue,
        created_by=by,
    )


def _label(claim, *, by, verdict, status="proposed", reviewer=None, rationale="", evidence=(), comment=""):
    decided = status in ("approved", "rejected")
    return Label.objects.create(
        claim=claim,
        verdict=verdict,
        status=status,
        rationale=rationale,
        evidence=list(evidence),
        proposed_by=by,
        proposed_at=timezone.now() - timedelta(days=2),
        claim_version=claim.version,
        claim_snapshot=claim.snapshot(),
        reviewed_by=reviewer if decided else None,
        reviewed_at=timezone.now() if decided else None,
        review_comment=comment,
    )


def annotated_seed(editor, reviewer):
    """The seed article with five claims:
    Yusov (approved unverified, evidence), the Russian Volunteer Corps (approved confirmed),
    Peskov via TASS on a narrowed span (approved denied), Kyiv (proposed denied) and
    Gladkov (rejected confirmed). Returns (article, {name: claim})."""
    article = import_article(
        SEED.read_bytes(),
        filename=SEED.name,
        meta=Metadata(
            title="Armed Russian groups start combat operation in Belgorod Oblast",
            outlet="The Kyiv Independent",
            url="https://kyivindependent.com/belgorod",
        ),
        by=editor,
    )
    yusov = Source.objects.create(
        name="Andrii Yusov", kind="person", role="spokesperson", affiliation="Ukraine's military intelligence"
    )
    yusov.aliases.create(name="Yusov", name_folded="yusov")
    corps = Source.objects.create(name="Russian Volunteer Corps", kind="organisation", role="armed group")
    peskov = Source.objects.create(name="Dmitry Peskov", kind="person", role="Kremlin spokesperson")
    kyiv = Source.objects.create(name="Kyiv", kind="organisation", role="government of Ukraine")
    gladkov = Source.objects.create(name="Vyacheslav Gladkov", kind="person", role="Governor of Belgorod Oblast")
    claims = {
        "yusov": _claim(
            article,
            article.text[: article.text.index(" May 22.") + 8],
            source=yusov,
            channel="Suspilne",
            cue="told",
            by=editor,
        ),
        "corps": _claim(
            article,
            "the Russian Volunteer Corps claimed its members conducted combat operations in Russia's Belgorod Oblast",
            source=corps,
            cue="claimed",
            by=editor,
        ),
        "peskov": _claim(
            article,
            "Russia's Vladimir Putin had already been informed of the incident",
            source=peskov,
            channel="TASS",
            cue="said",
            by=editor,
        ),
        "kyiv": _claim(
            article, "Kyiv has denied any connection to the group's operations.", source=kyiv, cue="denied", by=editor
        ),
        "gladkov": _claim(
            article,
            "a Ukrainian sabotage-reconnaissance group had allegedly entered the Grayvoron district",
            source=gladkov,
            cue="saying",
            by=editor,
        ),
    }
    _label(
        claims["yusov"],
        by=editor,
        verdict="unverified",
        status="approved",
        reviewer=reviewer,
        rationale="Only the spokesperson's word so far.",
        evidence=["https://suspilne.media/belgorod"],
    )
    _label(
        claims["corps"],
        by=editor,
        verdict="confirmed",
        status="approved",
        reviewer=reviewer,
        rationale="Video geolocated in Kozinka.",
        evidence=["https://example.org/geolocation", "https://example.org/video"],
    )
    _label(
        claims["peskov"],
        by=editor,
        verdict="denied",
        status="approved",
        reviewer=reviewer,
        rationale="Contradicted by later Kremlin statements.",
    )
    _label(claims["kyiv"], by=editor, verdict="denied", rationale="Awaiting the ministry's statement.")
    _label(
        claims["gladkov"],
        by=editor,
        verdict="confirmed",
        status="rejected",
        reviewer=reviewer,
        rationale="Governor's Telegram.",
        comment="Telegram post is not independent evidence.",
    )
    return article, claims


def annotated_seed_with_history(editor, reviewer):
    """The annotated seed plus history made the way editors make it: a claim marked, edited, labelled
    and approved, and a sentence marked reviewed."""
    article, _ = annotated_seed(editor, reviewer)
    sentence = article.sentences.get(number=5)
    claim = Claim.objects.with_labels().get(pk=Claim.mark(sentence, by=editor).pk)  # as the claim view loads it
    claim.annotate(
        by=editor,
        version=claim.version,
        changes={"channel": "Telegram", "cue": "said"},
        label={"verdict": "confirmed", "rationale": "Seen.", "evidence": ["https://example.org/a"]},
    )
    claim.labels.get().approve(by=reviewer, comment="Agreed.")
    article.sentences.get(number=1).set_reviewed(True, by=editor)
    return article


def exported(article_id):
    """The article's Workbench JSON document."""
    return json.loads(export_article(article_id, "json"))


def restored(document, *, by):
    return import_article(json.dumps(document).encode(), fmt="json", by=by)


def hostile_article(editor, reviewer):
    """An article whose title, text, speaker, channel, rationale, evidence and comments carry payloads.
    Labels are stored directly, as a restored JSON file could hold them (the web form refuses them)."""
    text = f"The minister {HOSTILE} said prices would fall. {FORMULA} was typed by a reader. +SUM(1,2) -3 @cmd\tTab"
    article = import_article(
        text.encode(), fmt="text", meta=Metadata(title=f"Prices {HOSTILE}", outlet=FORMULA), by=editor
    )
    source = Source.objects.create(name=f"Minister {HOSTILE}", role=FORMULA, affiliation="@SUM(A1)")
    claim = Claim.objects.create(
        article=article,
        sentence=article.sentences.get(number=1),
        start=0,
        end=article.sentences.get(number=1).end,
        source=source,
        channel='<a href="javascript:alert(1)">TV</a>',
        cue="-2+3",
    )
    _label(
        claim,
        by=editor,
        verdict="denied",
        status="approved",
        reviewer=reviewer,
        rationale=f"{HOSTILE} {FORMULA}",
        evidence=["javascript:alert(1)", "https://example.org/ok", "data:text/html,<b>x</b>"],
    )
    second = article.sentences.get(number=2)
    other = Claim.objects.create(
        article=article, sentence=second, start=second.start, end=second.end, source=source, channel="=1+1"
    )
    _label(other, by=editor, verdict="confirmed", status="approved", reviewer=reviewer, rationale="\rCR first")
    return article
