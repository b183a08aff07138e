"""The source register: a new source spelt nearly like one it holds is held back with the existing one
offered, until the editor says it is another; a source carries its Wikidata item, shown as a link and
exported as ClaimReview's author sameAs."""

import json

from django.urls import reverse

from claims.exporting import export_article
from claims.models import Source
from tests.export_fixtures import annotated_seed
from tests.factories import create_source

FORM = {"kind": "person", "role": "", "affiliation": "", "wikidata": "", "aliases": "", "notes": ""}


def test_a_look_alike_name_is_held_back_with_the_existing_source_offered(client, editor):
    existing = create_source(name="Andrii Yusov")
    create_source(name="Dmitry Peskov")
    client.force_login(editor)
    response = client.post(reverse("claims:source_create"), {**FORM, "name": "Andriy Yusov"})
    page = response.content.decode()
    assert response.status_code == 200 and "The registry already has “Andrii Yusov”" in page
    assert f'href="{reverse("claims:source_detail", args=[existing.pk])}">Andrii Yusov</a>' in page
    assert "Dmitry Peskov" not in page and Source.objects.count() == 2
    response = client.post(reverse("claims:source_create"), {**FORM, "name": "Andriy Yusov", "different": "on"})
    assert response.status_code == 302 and Source.objects.filter(name="Andriy Yusov").exists()


def test_an_unrelated_name_is_added_at_once(client, editor):
    create_source(name="Andrii Yusov")
    client.force_login(editor)
    assert client.post(reverse("claims:source_create"), {**FORM, "name": "Olena Kovalenko"}).status_code == 302
    assert Source.objects.looking_like("Olena Kovalenko") == []


def test_a_wikidata_item_is_checked_linked_and_exported_as_same_as(client, editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    source = claims["peskov"].source
    client.force_login(editor)
    edit = reverse("claims:source_edit", args=[source.pk])
    data = {**FORM, "name": source.name, "role": source.role, "version": source.version}
    refused = client.post(edit, {**data, "wikidata": "Peskov"})
    assert "A Wikidata item is Q and a number" in refused.content.decode()
    assert Source.objects.get(pk=source.pk).wikidata == ""
    client.post(edit, {**data, "wikidata": "q193189"})
    assert Source.objects.get(pk=source.pk).wikidata == "Q193189"
    page = client.get(reverse("claims:source_detail", args=[source.pk])).content.decode()
    assert 'href="https://www.wikidata.org/wiki/Q193189"' in page
    reviews = json.loads(export_article(article.pk, "claimreview"))
    authors = [review["itemReviewed"]["author"] for review in reviews]
    assert {"@type": "Person", "name": "Dmitry Peskov", "jobTitle": "Kremlin spokesperson",
            "sameAs": "https://www.wikidata.org/wiki/Q193189"} in authors  # fmt: skip
