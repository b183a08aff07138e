"""Suggestions in the workspace: accepted with a key, dismissed for good, history says where claims came from."""

import pytest
from django.urls import reverse

from claims.models import Claim, HistoryEntry, Source, Suggestion
from tests.factories import create_article, create_source

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def article(db):
    return create_article(text="Yusov said the operation began. The weather was cold. Yusov added that it would go on.")


def suggest(article, number, **fields):
    sentence = article.sentences.get(number=number)
    defaults = {"source_text": "Andrii Yusov", "source_start": 0, "source_end": 5, "cue": "said", "role": "spokesperson",
                "start": sentence.start, "end": sentence.end}
    defaults.update(fields)
    return Suggestion.objects.create(article=article, sentence=sentence, **defaults)


def test_pending_suggestions_show_in_the_workspace_apart_from_claims(client, editor, article):
    suggest(article, 1, channel="Suspilne")
    client.force_login(editor)
    body = client.get(reverse("claims:article_detail", args=[article.pk])).content.decode()
    assert 'class="suggestion-chip"' in body and "Suggested" in body and "via Suspilne" in body
    assert "Accept all from Andrii Yusov" in body
    assert Claim.objects.count() == 0


def test_accept_creates_the_claim_with_speaker_channel_and_cue(client, editor, article):
    suggestion = suggest(article, 1, channel="Suspilne", source_kind="person")
    client.force_login(editor)
    response = client.post(reverse("claims:suggestion_accept", args=[suggestion.pk]), **HTMX)
    assert response.status_code == 200 and "Suggestion accepted." in response.content.decode()
    claim = Claim.objects.get()
    assert (claim.origin, claim.source.name, claim.source.role, claim.channel, claim.cue) == (
        "suggestion", "Andrii Yusov", "spokesperson", "Suspilne", "said")
    created = HistoryEntry.objects.get(claim=claim, action="created")
    assert created.after["origin"] == "suggestion" and created.after["suggestion"] == suggestion.pk
    assert Suggestion.objects.get().status == "accepted" and Suggestion.objects.get().claim == claim


def test_accept_matches_an_existing_source_by_alias(client, editor, article):
    existing = create_source(name="Andrii Yusov")
    existing.aliases.create(name="Yusov", name_folded="yusov")
    suggestion = suggest(article, 1, source_text="Yusov")
    client.force_login(editor)
    client.post(reverse("claims:suggestion_accept", args=[suggestion.pk]))
    assert Claim.objects.get().source == existing and Source.objects.count() == 1


@pytest.mark.parametrize("mention", ["A. Yusov", "Yusov", "ANDRII YUSOV"])
def test_accept_matches_a_source_by_surname_or_initials(client, editor, article, mention):
    existing = create_source(name="Andrii Yusov")
    create_source(name="Dmitry Peskov")
    suggestion = suggest(article, 1, source_text=mention)
    client.force_login(editor)
    client.post(reverse("claims:suggestion_accept", args=[suggestion.pk]))
    assert Claim.objects.get().source == existing and Source.objects.count() == 2


def test_an_ambiguous_surname_creates_no_wrong_link(client, editor, article):
    create_source(name="Andrii Yusov")
    create_source(name="Olena Yusov")
    suggestion = suggest(article, 1, source_text="Yusov")
    client.force_login(editor)
    client.post(reverse("claims:suggestion_accept", args=[suggestion.pk]))
    assert Claim.objects.get().source.name == "Yusov" and Source.objects.count() == 3


def test_dismissed_suggestions_do_not_come_back(client, editor, article):
    suggestion = suggest(article, 1)
    client.force_login(editor)
    client.post(reverse("claims:suggestion_dismiss", args=[suggestion.pk]))
    body = client.get(reverse("claims:article_detail", args=[article.pk])).content.decode()
    assert 'class="suggestion-chip"' not in body
    assert Suggestion.objects.get().status == "dismissed"


def test_accept_all_from_this_speaker(client, editor, article):
    first = suggest(article, 1)
    suggest(article, 3)
    other = suggest(article, 2, source_text="Weather Service")
    client.force_login(editor)
    client.post(reverse("claims:suggestions_accept_speaker", args=[first.pk]))
    assert Claim.objects.filter(source__name="Andrii Yusov").count() == 2
    assert Suggestion.objects.get(pk=other.pk).status == "pending"


def test_a_decided_suggestion_cannot_be_decided_again(client, editor, article):
    suggestion = suggest(article, 1)
    client.force_login(editor)
    client.post(reverse("claims:suggestion_dismiss", args=[suggestion.pk]))
    response = client.post(reverse("claims:suggestion_accept", args=[suggestion.pk]), **HTMX)
    assert "already accepted or dismissed" in response.content.decode()
    assert Claim.objects.count() == 0


def test_outsider_cannot_accept_and_get_is_refused(client, outsider, article):
    suggestion = suggest(article, 1)
    client.force_login(outsider)
    assert client.post(reverse("claims:suggestion_accept", args=[suggestion.pk])).status_code == 403
    assert client.get(reverse("claims:suggestion_accept", args=[suggestion.pk])).status_code == 405
    assert Suggestion.objects.get().status == "pending"


def test_importing_the_seed_makes_suggestions_once(client, editor):
    from claims.suggesting import suggest_claims
    from tests.export_fixtures import SEED

    client.force_login(editor)
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.post(reverse("claims:article_import"), {"file": SimpleUploadedFile(SEED.name, SEED.read_bytes()),
                                                    "format": "auto", "language": "en"})
    suggestions = Suggestion.objects.all()
    assert suggestions.count() >= 10
    yusov = suggestions.filter(source_text="Andrii Yusov")
    assert yusov.count() == 3
    assert suggest_claims(suggestions.first().article) == 0
