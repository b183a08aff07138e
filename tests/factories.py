"""Keyword-only factories with sensible defaults."""

from itertools import count

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claims.importing.metadata import Metadata
from claims.importing.pipeline import import_article
from claims.models import Claim, Label, Source

_serial = count(1)

SAMPLE_SENTENCE = "The minister said the bridge would reopen on Monday."


def create_user(*, username=None, role=None, password="password-for-tests", is_superuser=False):
    user = get_user_model().objects.create_user(
        username=username or f"user{next(_serial)}", password=password, is_staff=is_superuser, is_superuser=is_superuser
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def create_article(*, text=None, sentences=20, title="Test article", by=None, **metadata):
    """An article imported through the real pipeline; generated text has five sentences a paragraph."""
    if text is None:
        paragraphs = [
            " ".join(f"Sentence {n} says {SAMPLE_SENTENCE}" for n in range(first, min(first + 5, sentences + 1)))
            for first in range(1, sentences + 1, 5)
        ]
        text = "\n\n".join(paragraphs)
    return import_article(text.encode("utf-8"), fmt="text", meta=Metadata(title=title, **metadata), by=by)


def create_source(*, name="Andrii Yusov", kind=Source.Kind.PERSON, **fields):
    return Source.objects.create(name=name, kind=kind, **fields)


def create_claim(*, sentence, start=None, end=None, source=None, by=None, **fields):
    return Claim.objects.create(
        article=sentence.article,
        sentence=sentence,
        start=sentence.start if start is None else start,
        end=sentence.end if end is None else end,
        source=source,
        created_by=by,
        **fields,
    )


def create_label(*, claim, by, verdict="unverified", **fields):
    return Label.objects.create(
        claim=claim,
        verdict=verdict,
        proposed_by=by,
        claim_version=claim.version,
        claim_snapshot=claim.snapshot(),
        **fields,
    )
