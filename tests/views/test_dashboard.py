"""The dashboard: per-article progress, the review queue's size and age, who did what, and the chart."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim, HistoryEntry, Label
from tests.factories import create_article

URL = reverse("claims:dashboard")
# Session, user, the user's permissions (2), articles with their counts, the queue, people, the chart.
DASHBOARD_QUERIES = 8


def cell(body, label):
    """The numbers shown in the column `label` of the article table, row by row."""
    return re.findall(rf'data-label="{label}">(\d+)<', body)


def person_row(body, username):
    row = re.search(rf'<th scope="row">{username}</th>(.*?)</tr>', body, re.S).group(1)
    return [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', row)]


@pytest.fixture
def worked_article(editor, second_editor, reviewer):
    """Six sentences, one reviewed; five claims marked by alice: approved, awaiting review, rejected,
    unlabelled, and one removed. bob marked one more claim long ago."""
    article = create_article(sentences=6, title="Belgorod raid", by=editor)
    sentences = list(article.sentences.all())
    sentences[0].set_reviewed(True, by=editor)
    marked = [Claim.mark(sentence, by=editor) for sentence in sentences[:5]]
    claims = list(
        Claim.objects.with_labels().select_related("article", "sentence").filter(pk__in=[c.pk for c in marked])
    )
    for claim, verdict in zip(claims[:3], ["confirmed", "unverified", "denied"]):
        claim.annotate(
            by=editor, version=claim.version, changes={}, label={"verdict": verdict, "rationale": "", "evidence": []}
        )
    approved, waiting, rejected = (claim.current_label for claim in claims[:3])
    approved.approve(by=reviewer, comment="Checked with the ministry")
    rejected.reject(by=reviewer, comment="Which source?")
    claims[4].remove(by=editor, version=claims[4].version)
    HistoryEntry.objects.create(
        at=timezone.now() - timedelta(days=10),
        actor=second_editor,
        action="created",
        object_type="claim",
        object_id=claims[3].pk,
        article=article,
        claim=claims[3],
    )
    Label.objects.filter(pk=waiting.pk).update(proposed_at=timezone.now() - timedelta(days=3, hours=2))
    return article


def test_dashboard_shows_progress_queue_and_people(client, editor, reviewer, worked_article):
    client.force_login(reviewer)
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Belgorod raid" in body and reverse("claims:article_detail", args=[worked_article.pk]) in body
    assert cell(body, "Sentences") == ["6"]
    assert cell(body, "Claims") == ["4"]  # the removed one does not count
    assert cell(body, "Labelled") == ["3"]
    assert cell(body, "Awaiting review") == ["1"]
    assert cell(body, "Approved") == ["1"]
    assert cell(body, "Rejected") == ["1"]
    assert "25% approved" in body and 'width="75%"' in body

    backlog = response.context["backlog"]
    assert backlog.size == 1 and backlog.oldest == backlog.median
    assert re.search(r"<dt>Awaiting review</dt><dd>1</dd>", body)
    assert ">3\xa0days</time>" in body
    assert reverse("claims:review_queue") in body

    # Claims marked, labels proposed, approvals, rejections: each for 7 and 30 days.
    assert person_row(body, "alice") == [5, 5, 3, 3, 0, 0, 0, 0]
    assert person_row(body, "bob") == [0, 1, 0, 0, 0, 0, 0, 0]
    assert person_row(body, "charlie") == [0, 0, 0, 0, 1, 1, 1, 1]


def test_chart_counts_every_change_of_the_last_thirty_days(client, editor, worked_article):
    client.force_login(editor)
    body = client.get(URL).content.decode()
    recent = HistoryEntry.objects.filter(at__gte=timezone.now() - timedelta(days=29)).count()
    assert f"over the last 30 days: {recent} in total." in body
    assert body.count('<svg class="chart" role="img"') == 1
    today = timezone.localdate()
    assert f"{today.day} {today:%b %Y}: {recent - 1} changes" in body  # bob's old claim was ten days ago


def test_dashboard_escapes_what_people_typed(client, editor):
    create_article(sentences=2, title="<script>alert(1)</script>", by=editor)
    client.force_login(editor)
    body = client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_empty_dashboard_says_so(client, outsider):
    client.force_login(outsider)
    body = client.get(URL).content.decode()
    assert "No articles yet." in body and "Nobody has changed anything" in body
    assert reverse("claims:review_queue") not in body  # an outsider cannot open the queue


def test_nav_marks_the_dashboard_as_current(client, editor):
    client.force_login(editor)
    body = client.get(URL).content.decode()
    assert f'<a href="{URL}" aria-current="page">Dashboard</a>' in body


@pytest.mark.parametrize("proposals", [10, 1000])
def test_dashboard_query_count_does_not_grow(client, editor, reviewer, django_assert_max_num_queries, proposals):
    article = create_article(sentences=3, by=editor)
    create_article(sentences=3, by=editor, title="Another")
    sentence = article.sentences.first()
    claims = Claim.objects.bulk_create(
        [Claim(article=article, sentence=sentence, start=sentence.start, end=sentence.end) for _ in range(proposals)]
    )
    Label.objects.bulk_create(
        [Label(claim=claim, verdict="unverified", proposed_by=editor, claim_version=1) for claim in claims]
    )
    HistoryEntry.objects.bulk_create(
        [
            HistoryEntry(
                actor=editor, action="created", object_type="claim", object_id=claim.pk, article=article, claim=claim
            )
            for claim in claims
        ]
    )
    client.force_login(reviewer)
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(URL)
    assert response.context["backlog"].size == proposals
    assert cell(response.content.decode(), "Awaiting review") == ["0", str(proposals)]


def test_dashboard_refuses_post(client, editor):
    client.force_login(editor)
    assert client.post(URL).status_code == 405
