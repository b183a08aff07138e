"""The review queue, the four-eyes rule and stale proposals."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim, HistoryEntry, Label
from claims.views.review import PAGE_SIZE
from tests.factories import create_article, create_claim, create_label, create_source

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def label(editor):
    article = create_article(sentences=5, title="Bridge")
    claim = create_claim(
        sentence=article.sentences.get(number=3), source=create_source(name="Mayor"), channel="Gazette"
    )
    return create_label(
        claim=claim,
        by=editor,
        verdict="denied",
        rationale="Footage shows otherwise.",
        evidence=["https://example.com/video"],
    )


def test_queue_filters_offer_what_the_open_proposals_are_about(client, reviewer, editor, label):
    closed = create_claim(sentence=create_article(title="Closed").sentences.first())
    create_label(claim=closed, by=editor, status="approved", reviewed_by=reviewer, reviewed_at=timezone.now())
    client.force_login(reviewer)
    body = client.get(reverse("claims:review_queue")).content.decode()
    article, source = label.claim.article, label.claim.source
    assert f'<option value="{article.pk}">{article.title}</option>' in body
    assert f'<option value="{source.pk}">{source.name}</option>' in body
    assert f'<option value="{editor.pk}">{editor.username}</option>' in body
    assert ">Closed</option>" not in body  # only open proposals' articles


def test_queue_context_stops_at_an_articles_first_and_last_sentence(client, reviewer, editor):
    first, last = create_article(sentences=3), create_article(sentences=2, title="Other")
    opening, closing = first.sentences.get(number=1), last.sentences.get(number=2)
    for sentence in (opening, closing):
        create_label(claim=create_claim(sentence=sentence, by=editor), by=editor)
    client.force_login(reviewer)
    items = {item.claim.sentence_id: item for item in client.get(reverse("claims:review_queue")).context["labels"]}
    after = first.sentences.get(number=2).text
    assert items[opening.pk].context_parts == ("", opening.text, f" {after}")
    assert items[closing.pk].context_parts == (f"{last.sentences.get(number=1).text} ", closing.text, "")


def approve(client, label, **data):
    return client.post(reverse("claims:label_approve", args=[label.pk]), data)


def reject(client, label, **data):
    return client.post(reverse("claims:label_reject", args=[label.pk]), data)


def test_queue_shows_the_claim_in_context_with_speaker_channel_and_evidence(client, reviewer, label):
    client.force_login(reviewer)
    response = client.get(reverse("claims:review_queue"))
    body = response.content.decode()
    item = response.context["labels"][0]
    sentences = list(label.claim.article.sentences.filter(number__in=[2, 3, 4]))
    assert "".join(item.context_parts) == " ".join(sentence.text for sentence in sentences)
    assert item.context_parts[1] == label.claim.text
    assert "Mayor" in body and "Gazette" in body and "Footage shows otherwise." in body
    assert 'href="https://example.com/video"' in body and "Denied · proposed" in body


def test_queue_is_oldest_first_and_filters(client, reviewer, editor, second_editor, label):
    other = create_claim(sentence=label.claim.article.sentences.get(number=1))
    newer = create_label(claim=other, by=second_editor, verdict="confirmed")
    Label.objects.filter(pk=label.pk).update(proposed_at=timezone.now() - timedelta(days=10))
    client.force_login(reviewer)
    url = reverse("claims:review_queue")
    assert [each.pk for each in client.get(url).context["labels"]] == [label.pk, newer.pk]
    assert [each.pk for each in client.get(url, {"verdict": "confirmed"}).context["labels"]] == [newer.pk]
    assert [each.pk for each in client.get(url, {"proposer": editor.pk}).context["labels"]] == [label.pk]
    assert [each.pk for each in client.get(url, {"age": "7"}).context["labels"]] == [label.pk]
    assert [each.pk for each in client.get(url, {"speaker": label.claim.source_id}).context["labels"]] == [label.pk]
    assert [each.pk for each in client.get(url, {"article": 999}).context["labels"]] == []


@pytest.mark.parametrize("proposals", [10, 1000])
def test_queue_query_count_does_not_grow(client, reviewer, editor, django_assert_max_num_queries, proposals):
    article = create_article(sentences=proposals)
    sentences = list(article.sentences.all())
    claims = Claim.objects.bulk_create(
        [Claim(article=article, sentence=s, start=s.start, end=s.end) for s in sentences]
    )
    Label.objects.bulk_create(
        [Label(claim=c, verdict="unverified", proposed_by=editor, claim_version=1) for c in claims]
    )
    client.force_login(reviewer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("claims:review_queue"))
    assert response.context["page"].paginator.count == proposals
    shown = response.context["labels"]
    assert len(shown) == min(proposals, PAGE_SIZE)
    if proposals > PAGE_SIZE:  # the oldest first; the next page goes on from there
        assert "Newer →" in response.content.decode()
        following = client.get(reverse("claims:review_queue"), {"page": 2}).context["labels"]
        assert following[0].proposed_at >= shown[-1].proposed_at and following[0].pk not in {s.pk for s in shown}


def test_reviewer_approves_and_history_records_it(client, reviewer, label):
    client.force_login(reviewer)
    response = approve(client, label, comment="Checked the footage.")
    assert response.status_code == 302
    label.refresh_from_db()
    assert (label.status, label.reviewed_by, label.review_comment) == ("approved", reviewer, "Checked the footage.")
    entry = HistoryEntry.objects.get(action="approved")
    assert (entry.actor, entry.claim_id, entry.after["status"]) == (reviewer, label.claim_id, "approved")


def test_reviewer_rejects_with_a_comment_that_the_editor_sees(client, reviewer, editor, label):
    client.force_login(reviewer)
    assert reject(client, label).status_code == 302
    assert Label.objects.get(pk=label.pk).status == "proposed"  # a rejection needs a reason
    reject(client, label, comment="Source is a parody account.")
    assert Label.objects.get(pk=label.pk).status == "rejected"
    client.force_login(editor)
    url = reverse("claims:article_detail", args=[label.claim.article_id])
    body = client.get(url, {"claim": label.claim_id}).content.decode()
    assert "Rejected by charlie:" in body and "Source is a parody account." in body


def test_revised_proposal_re_enters_the_queue(client, reviewer, editor, label):
    client.force_login(reviewer)
    reject(client, label, comment="Needs evidence.")
    client.force_login(editor)
    claim = label.claim
    client.post(
        reverse("claims:claim_save", args=[claim.pk]),
        {
            "version": claim.version,
            "speaker": "Mayor",
            "channel": "Gazette",
            "verdict": "denied",
            "rationale": "Footage shows otherwise.",
            "evidence": "https://example.com/video\nhttps://example.com/report",
        },
    )
    assert list(Label.objects.open().values_list("claim_id", flat=True)) == [claim.pk]


def test_reviewer_cannot_approve_own_label(client, reviewer, label):
    own = create_label(claim=create_claim(sentence=label.claim.sentence), by=reviewer)
    client.force_login(reviewer)
    approve(client, own)
    reject(client, own, comment="Mine anyway")
    assert Label.objects.get(pk=own.pk).status == "proposed"


def test_admin_cannot_approve_own_label_either(client, admin_user, label):
    own = create_label(claim=create_claim(sentence=label.claim.sentence), by=admin_user)
    client.force_login(admin_user)
    response = client.post(reverse("claims:label_approve", args=[own.pk]), **HTMX)
    assert "four-eyes" in response.content.decode()
    assert Label.objects.get(pk=own.pk).status == "proposed"


def test_editor_cannot_review(client, second_editor, label):
    client.force_login(second_editor)
    assert approve(client, label).status_code == 403
    assert client.post(reverse("claims:labels_approve"), {"labels": [label.pk]}).status_code == 403
    assert Label.objects.get(pk=label.pk).status == "proposed"


def test_stale_proposal_cannot_be_approved_and_says_what_changed(client, reviewer, editor, label):
    claim = label.claim
    claim.annotate(by=editor, version=claim.version, changes={"channel": "Telegram", "source": None}, label=None)
    client.force_login(reviewer)
    item = client.get(reverse("claims:review_queue")).context["labels"][0]
    assert item.stale_changes == ["speaker", "channel"]
    response = client.post(reverse("claims:label_approve", args=[label.pk]), **HTMX)
    assert "changed after this label was proposed (speaker, channel)" in response.content.decode()
    assert Label.objects.get(pk=label.pk).status == "proposed"
    reject(client, label, comment="Stale.")
    assert Label.objects.get(pk=label.pk).status == "rejected"


def test_second_decision_is_refused_and_names_the_first(client, reviewer, admin_user, label):
    client.force_login(reviewer)
    approve(client, label)
    client.force_login(admin_user)
    response = client.post(reverse("claims:label_reject", args=[label.pk]), {"comment": "No"}, **HTMX)
    assert "charlie already approved this label" in response.content.decode()
    assert Label.objects.get(pk=label.pk).status == "approved"


def test_bulk_approve_approves_what_it_may_and_explains_the_rest(client, reviewer, editor, label):
    own = create_label(claim=create_claim(sentence=label.claim.sentence), by=reviewer)
    third = create_label(claim=create_claim(sentence=label.claim.article.sentences.get(number=1)), by=editor)
    client.force_login(reviewer)
    response = client.post(reverse("claims:labels_approve"), {"labels": [label.pk, own.pk, third.pk]}, follow=True)
    assert dict(Label.objects.values_list("pk", "status")) == {
        label.pk: "approved",
        own.pk: "proposed",
        third.pk: "approved",
    }
    text = " ".join(str(m) for m in response.context["messages"])
    assert "Approved 2 of 3." in text and "four-eyes" in text


def test_bulk_approve_explains_stale_and_already_decided_proposals(client, reviewer, admin_user, editor, label):
    stale = create_label(claim=create_claim(sentence=label.claim.article.sentences.get(number=1)), by=editor)
    stale.claim.annotate(by=editor, version=stale.claim.version, changes={"channel": "Telegram"}, label=None)
    label.approve(by=admin_user)
    client.force_login(reviewer)
    response = client.post(reverse("claims:labels_approve"), {"labels": [label.pk, stale.pk, "x"]}, follow=True)
    text = [str(m) for m in response.context["messages"]]
    assert "Approved 0 of 2." in text
    assert any("dana already approved this label" in m for m in text)
    assert any("changed after this label was proposed (channel)" in m for m in text)
    assert Label.objects.get(pk=stale.pk).status == "proposed"
    assert HistoryEntry.objects.filter(action="approved").count() == 1


def test_bulk_approve_with_nothing_ticked_says_so(client, reviewer, label):
    client.force_login(reviewer)
    response = client.post(reverse("claims:labels_approve"), {"labels": ["x"]}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Select the proposals to approve first."]


@pytest.mark.parametrize("proposals", [3, 90])
def test_bulk_approve_runs_under_a_fixed_ceiling(client, reviewer, editor, django_assert_max_num_queries, proposals):
    article = create_article(sentences=proposals)
    sentences = list(article.sentences.all())
    claims = Claim.objects.bulk_create(
        [Claim(article=article, sentence=s, start=s.start, end=s.end) for s in sentences]
    )
    labels = Label.objects.bulk_create(
        [Label(claim=c, verdict="unverified", proposed_by=editor, claim_version=1) for c in claims]
    )
    Label.objects.filter(pk=labels[0].pk).update(proposed_by=reviewer)  # one of them is refused
    client.force_login(reviewer)
    with django_assert_max_num_queries(11):
        client.post(reverse("claims:labels_approve"), {"labels": [label.pk for label in labels]})
    assert Label.objects.filter(status="approved").count() == proposals - 1
    assert HistoryEntry.objects.filter(action="approved", actor=reviewer).count() == proposals - 1


def test_htmx_decision_returns_the_item_fragment(client, reviewer, label, django_assert_max_num_queries):
    client.force_login(reviewer)
    with django_assert_max_num_queries(15):
        response = client.post(reverse("claims:label_approve", args=[label.pk]), **HTMX)
    body = response.content.decode()
    assert f'id="review-item-{label.pk}"' in body and "<html" not in body and "Approved by you" in body


def test_review_actions_need_post_and_csrf(reviewer, label):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    assert client.get(reverse("claims:label_approve", args=[label.pk])).status_code == 405
    assert client.post(reverse("claims:label_approve", args=[label.pk])).status_code == 403
    assert Label.objects.get(pk=label.pk).status == "proposed"


def test_missing_label_is_404(client, reviewer):
    client.force_login(reviewer)
    assert client.post(reverse("claims:label_approve", args=[999])).status_code == 404


def test_outsider_cannot_see_the_queue(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("claims:review_queue")).status_code == 403


def test_unsafe_next_is_ignored(client, reviewer, label):
    client.force_login(reviewer)
    response = approve(client, label, next="https://evil.example/")
    assert response["Location"] == reverse("claims:review_queue")


def test_queue_names_the_speaker_as_the_exports_do(client, reviewer, label):
    # One speaker line everywhere: name, role and affiliation, those that are filled in.
    label.claim.source.role, label.claim.source.affiliation = "mayor", "City Council"
    label.claim.source.save()
    client.force_login(reviewer)
    body = client.get(reverse("claims:review_queue")).content.decode()
    assert "<dt>Speaker</dt><dd>Mayor, mayor, City Council</dd>" in body


def test_each_proposal_offers_an_optional_approval_note_and_a_labelled_reason(client, reviewer, label):
    client.force_login(reviewer)
    body = client.get(reverse("claims:review_queue")).content.decode()
    assert f'<label for="approve-comment-{label.pk}">Note for the editor (optional)</label>' in body
    assert f'<label for="comment-{label.pk}">Reason for rejecting</label>' in body
    assert 'class="visually-hidden">Comment' not in body


def test_queue_filter_choices_come_by_name_from_one_query(editor, second_editor, django_assert_num_queries):
    from claims.views.review import _filter_choices

    for title, speaker, by in (("Zeta report", "zoe Mwangi", editor), ("alpha brief", "Abel Tesfaye", second_editor)):
        sentence = create_article(title=title, sentences=2).sentences.first()
        create_label(claim=create_claim(sentence=sentence, source=create_source(name=speaker)), by=by)
    with django_assert_num_queries(1):
        choices = _filter_choices()
    assert [title for _, title in choices["articles"]] == ["alpha brief", "Zeta report"]
    assert [name for _, name in choices["speakers"]] == ["Abel Tesfaye", "zoe Mwangi"]
    assert [name for _, name in choices["proposers"]] == sorted([editor.username, second_editor.username])
