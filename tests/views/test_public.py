"""Publishing: a reviewer publishes an article's approved verdicts; readers see them at a public URL with
ClaimReview JSON-LD whose url anchors exist on the page, corrections after a verdict changes, and a 404
once unpublished. The page sets no cookie, carries no form and comes from the cache until something on
it changes."""

import json
import re
from datetime import timedelta

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import HistoryEntry, Label, Publication
from tests.export_fixtures import annotated_seed


@pytest.fixture
def seed(editor, reviewer):
    return annotated_seed(editor, reviewer)


def publish(client, article):
    return client.post(reverse("claims:article_publish", args=[article.pk]))


def test_a_reviewer_publishes_and_the_workspace_links_to_the_public_page(client, reviewer, editor, seed):
    article, _ = seed
    client.force_login(editor)
    assert b">Publish</button>" not in client.get(reverse("claims:article_detail", args=[article.pk])).content
    client.force_login(reviewer)
    assert publish(client, article).status_code == 302
    publication = Publication.objects.get(article=article)
    assert publication.slug == f"armed-russian-groups-start-combat-operation-in-belgorod-obla-{article.pk}"
    assert HistoryEntry.objects.filter(action="published", object_type="publication", article=article).count() == 1
    page = client.get(reverse("claims:article_detail", args=[article.pk])).content.decode()
    assert f'href="/fact-checks/{publication.slug}/">Public page</a>' in page and ">Unpublish</button>" in page
    response = publish(client, article)  # twice: refused with a message, nothing changes
    assert "published already" in " ".join(str(m) for m in client.get(response["Location"]).context["messages"])
    assert HistoryEntry.objects.filter(action="published").count() == 1


def test_readers_see_approved_verdicts_with_claimreview_whose_anchors_exist(client, reviewer, seed):
    article, claims = seed
    publication = Publication.publish(article, by=reviewer)
    client.logout()
    response = client.get(f"/fact-checks/{publication.slug}/")
    assert response.status_code == 200 and not response.cookies
    body = response.content.decode()
    assert "csrfmiddlewaretoken" not in body and "<form" not in body
    doc = lxml.html.document_fromstring(body)
    reviews = [json.loads(script.text) for script in doc.xpath("//script[@type='application/ld+json']")]
    assert len(reviews) == 3 and {review["@type"] for review in reviews} == {"ClaimReview"}
    anchors = set(doc.xpath("//@id"))
    for review in reviews:
        page_url, anchor = review["url"].split("#")
        assert page_url.endswith(f"/fact-checks/{publication.slug}/") and anchor in anchors
    assert {f"claim-{claims[name].pk}" for name in ("yusov", "corps", "peskov")} <= anchors
    assert f"claim-{claims['kyiv'].pk}" not in anchors  # only approved verdicts are published
    assert doc.xpath("//link[@rel='canonical']/@href")[0].endswith(f"/fact-checks/{publication.slug}/")
    assert "published" in doc.xpath("//header")[0].text_content()
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and re.search(r"style-src[^;]*'sha256-[A-Za-z0-9+/=]+'", csp)


def test_a_verdict_changed_after_publication_shows_a_dated_correction(client, reviewer, editor, seed):
    article, claims = seed
    # Published two days ago, with the verdicts approved before that.
    Label.objects.filter(status="approved").update(reviewed_at=timezone.now() - timedelta(days=3))
    publication = Publication.publish(article, by=reviewer)
    Publication.objects.filter(pk=publication.pk).update(published_at=timezone.now() - timedelta(days=2))
    peskov = claims["peskov"]
    label = {"verdict": "unverified", "rationale": "New footage.", "evidence": []}
    peskov.annotate(by=editor, version=peskov.version, changes={}, label=label)
    Label.objects.get(claim=peskov, status="proposed").approve(by=reviewer)
    body = client.get(f"/fact-checks/{publication.slug}/").content.decode()
    doc = lxml.html.document_fromstring(body)
    [correction] = doc.xpath("//aside[@class='corrections']//li")
    assert correction.text_content().endswith(": the verdict changed from Denied to Unverified.")
    note = doc.xpath(f"//li[@data-claim='{peskov.pk}']//p[@class='note__correction']")[0].text_content()
    assert note.startswith("Correction, ") and "Denied to Unverified" in note


def test_the_page_comes_from_the_cache_until_something_on_it_changes(
    client, reviewer, editor, seed, django_assert_max_num_queries
):
    article, claims = seed
    publication = Publication.publish(article, by=reviewer)
    url = f"/fact-checks/{publication.slug}/"
    first = client.get(url)
    with django_assert_max_num_queries(2):  # the publication, and the latest history entry
        again = client.get(url)
    assert again.content == first.content
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    source = claims["peskov"].source
    source.update_record(by=editor, version=source.version, name="Dmitry S. Peskov")
    changed = client.get(url)
    assert changed["ETag"] != first["ETag"] and "Dmitry S. Peskov" in changed.content.decode()


def test_an_unpublished_page_is_gone_and_comes_back_at_the_same_address(client, reviewer, seed):
    article, _ = seed
    client.force_login(reviewer)
    publish(client, article)
    publication = Publication.objects.get()
    assert client.post(reverse("claims:article_unpublish", args=[article.pk])).status_code == 302
    assert client.get(f"/fact-checks/{publication.slug}/").status_code == 404
    assert HistoryEntry.objects.filter(action="unpublished").count() == 1
    publish(client, article)
    assert client.get(f"/fact-checks/{publication.slug}/").status_code == 200
    assert Publication.objects.get().slug == publication.slug


def test_workspace_and_html_export_have_the_same_claim_anchors(client, editor, seed):
    article, claims = seed
    client.force_login(editor)
    page = client.get(reverse("claims:article_detail", args=[article.pk])).content.decode()
    export = client.get(reverse("claims:article_export", args=[article.pk]), {"formats": "html"}).content.decode()
    for name in ("yusov", "corps", "peskov"):
        assert f'id="claim-{claims[name].pk}"' in page and f'id="claim-{claims[name].pk}"' in export


def test_the_public_text_is_what_web_annotation_positions_count(client, reviewer, editor, seed):
    article, claims = seed
    publication = Publication.publish(article, by=reviewer)
    client.force_login(editor)
    collection = client.get(reverse("claims:article_annotations", args=[article.pk]))
    assert collection["Content-Type"].startswith("application/ld+json")
    document = json.loads(collection.content)
    assert document["id"].endswith(reverse("claims:article_annotations", args=[article.pk]))
    client.logout()
    for annotation in document["first"]["items"]:
        ours = next(target for target in annotation["target"] if target["selector"]["type"] == "TextPositionSelector")
        text = client.get("/" + ours["source"]["id"].split("/", 3)[3])
        assert text.status_code == 200 and text["Content-Type"] == "text/plain; charset=utf-8" and not text.cookies
        selector = ours["selector"]
        quote = next(target for target in annotation["target"] if target is not ours)["selector"]["exact"]
        assert text.content.decode()[selector["start"] : selector["end"]] == quote
    publication.unpublish(by=reviewer)
    assert client.get(f"/fact-checks/{publication.slug}/text/").status_code == 404
