"""schema.org ClaimReview export: final verdicts only, with what Google's fact-check markup requires."""

import json
from pathlib import Path

import pytest
from pyld import jsonld

from claims.exporting import export_article
from claims.exporting.common import shortened
from claims.models import Label, Publication
from tests.export_fixtures import FORMULA, HOSTILE, annotated_seed, hostile_article

CONTEXTS = Path(__file__).parent / "data" / "jsonld"
SCHEMA = "http://schema.org/"


def local_loader(url, options=None):
    # No network in tests, and the real schema.org context is about 1 MB: a minimal stand-in that maps
    # terms the same way is vendored instead (see tests/data/jsonld/README.md).
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"unexpected remote context {url}")
    document = json.loads((CONTEXTS / "schemaorg.jsonld").read_text())
    return {"contextUrl": None, "documentUrl": url, "document": document}


def reviews(article_id, **kwargs):
    return json.loads(export_article(article_id, "claimreview", **kwargs))


def by_claim(article_id):
    """{claim id: its review}, read from the anchor of each review's url."""
    return {int(review["url"].rsplit("#claim-", 1)[1]): review for review in reviews(article_id)}


@pytest.fixture
def seed(editor, reviewer):
    return annotated_seed(editor, reviewer)


def test_only_approved_claims_are_published_whatever_the_caller_asks(seed):
    article, claims = seed
    approved = {claims[name].pk for name in ("yusov", "corps", "peskov")}
    assert set(by_claim(article.pk)) == approved
    assert len(reviews(article.pk, approved_only=False)) == 3


def test_claim_reviewed_is_short_cut_at_a_word_and_keeps_its_quotes_balanced(seed):
    article, claims = seed
    found = by_claim(article.pk)
    for name in ("yusov", "corps", "peskov"):
        reviewed, text = found[claims[name].pk]["claimReviewed"], claims[name].text
        assert len(reviewed) <= 75
        assert reviewed == text or (reviewed.endswith("…") and text.startswith(reviewed[:-1]))
        assert text[len(reviewed) - 1] == " " or reviewed == text  # cut where a word ends
    assert found[claims["yusov"].pk]["claimReviewed"] == (
        "Armed Russian anti-government groups allegedly fighting on Ukraine's side…"
    )


@pytest.mark.parametrize(
    "text, short",
    [
        ("“We will not retreat from the city whatever the cost,” the commander said on state television.",
         "“We will not retreat from the city whatever the cost,” the commander said…"),
        ("He called the report “a fabrication from start to finish and an insult to every soldier”.",
         "He called the report “a fabrication from start to finish and an insult to…”"),
        ("Prices rose.", "Prices rose."),
    ],
)  # fmt: skip
def test_shortening_balances_a_quotation_it_cuts(text, short):
    assert shortened(text) == short


def test_verdicts_map_to_googles_rating_names_on_a_one_to_three_scale(seed):
    article, claims = seed
    found = by_claim(article.pk)
    ratings = {name: found[claims[name].pk]["reviewRating"] for name in ("yusov", "corps", "peskov")}
    assert all(r["name"] == r["alternateName"] for r in ratings.values())
    assert {name: (r["alternateName"], r["ratingValue"]) for name, r in ratings.items()} == {
        "yusov": ("Unproven", 2),
        "corps": ("True", 3),
        "peskov": ("False", 1),
    }
    assert all((r["@type"], r["worstRating"], r["bestRating"]) == ("Rating", 1, 3) for r in ratings.values())


def test_required_and_recommended_fields_are_present_and_not_empty(seed, settings):
    article, claims = seed
    for review in reviews(article.pk):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"].strip() and review["reviewRating"]["alternateName"]
        assert review["author"] == {
            "@type": "Organization",
            "name": settings.REVIEWING_ORGANISATION_NAME,
            "url": settings.REVIEWING_ORGANISATION_URL,
        }
        assert review["url"].startswith(("http://", "https://"))
        assert f"/fact-checks/{Publication.slug_for(article)}/#claim-" in review["url"]  # its page, once published
        assert review["datePublished"]
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"] and item["datePublished"] == "2023-05-22"
        assert item["appearance"] == {
            "@type": "NewsArticle",
            "url": "https://kyivindependent.com/belgorod",
            "headline": article.title,
            "datePublished": "2023-05-22",
            "publisher": {"@type": "Organization", "name": "The Kyiv Independent"},
        }
    assert len({review["url"] for review in reviews(article.pk)}) == 3


def test_speakers_are_people_or_organisations_by_kind(seed):
    article, claims = seed
    found = by_claim(article.pk)
    assert found[claims["yusov"].pk]["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Andrii Yusov",
        "jobTitle": "spokesperson",
        "affiliation": {"@type": "Organization", "name": "Ukraine's military intelligence"},
    }
    assert found[claims["corps"].pk]["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "Russian Volunteer Corps",
        "description": "armed group",
    }
    assert found[claims["peskov"].pk]["itemReviewed"]["author"]["@type"] == "Person"


def test_an_organisations_affiliation_is_what_it_is_a_member_of(seed):
    article, claims = seed
    claims["corps"].source.affiliation = "Freedom of Russia Legion"
    claims["corps"].source.save()
    assert by_claim(article.pk)[claims["corps"].pk]["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "Russian Volunteer Corps",
        "description": "armed group",
        "memberOf": {"@type": "Organization", "name": "Freedom of Russia Legion"},
    }


def test_first_appearance_is_claimed_only_for_claims_made_in_the_article(seed):
    article, claims = seed
    found = by_claim(article.pk)
    assert found[claims["corps"].pk]["itemReviewed"]["firstAppearance"]["url"] == article.url
    # Peskov spoke to TASS and Yusov to Suspilne: their first appearance is elsewhere.
    assert "firstAppearance" not in found[claims["peskov"].pk]["itemReviewed"]
    assert "firstAppearance" not in found[claims["yusov"].pk]["itemReviewed"]


def test_anonymous_sources_are_never_named(seed, reviewer):
    article, claims = seed
    source = claims["kyiv"].source
    source.kind, source.name, source.role = "anonymous", "Olena Secretname", "deputy minister"
    source.save()
    Label.objects.filter(claim=claims["kyiv"]).update(
        status="approved", reviewed_by=reviewer, reviewed_at=claims["kyiv"].created_at
    )
    data = export_article(article.pk, "claimreview")
    assert b"Secretname" not in data and b"deputy minister" not in data
    author = by_claim(article.pk)[claims["kyiv"].pk]["itemReviewed"]["author"]
    assert author == {"@type": "Person", "name": "Anonymous source"}


def test_expands_as_schema_org_linked_data(seed):
    article, claims = seed
    expanded = jsonld.expand(reviews(article.pk), {"documentLoader": local_loader})
    assert len(expanded) == 3
    for node in expanded:
        assert node["@type"] == [SCHEMA + "ClaimReview"]
        [rating] = node[SCHEMA + "reviewRating"]
        assert rating[SCHEMA + "alternateName"][0]["@value"] in ("True", "False", "Unproven")
        [url] = node[SCHEMA + "url"]
        assert url["@id"].startswith("http")
        [item] = node[SCHEMA + "itemReviewed"]
        [author] = item[SCHEMA + "author"]
        assert author["@type"][0] in (SCHEMA + "Person", SCHEMA + "Organization")
    texts = {node[SCHEMA + "claimReviewed"][0]["@value"] for node in expanded}
    assert texts == {shortened(claims[name].text) for name in ("yusov", "corps", "peskov")}


def test_hostile_strings_come_through_as_plain_json_strings_and_unsafe_links_are_dropped(editor, reviewer):
    article = hostile_article(editor, reviewer)
    data = export_article(article.pk, "claimreview")
    assert b"<" not in data  # escaped as \u003c, so the JSON can sit in a <script> element
    found = json.loads(data)
    first = next(review for review in found if review["reviewRating"]["alternateName"] == "False")
    assert first["claimReviewed"] == shortened(article.text[: article.sentences.get(number=1).end])
    assert first["itemReviewed"]["author"]["name"] == f"Minister {HOSTILE}"
    assert first["itemReviewed"]["author"]["jobTitle"] == FORMULA
    assert first["reviewBody"] == f"{HOSTILE} {FORMULA}"
    assert first["citation"] == ["https://example.org/ok"]
    assert all(link.startswith(("http://", "https://")) for link in _links(found))
    assert "appearance" in first["itemReviewed"] and "url" not in first["itemReviewed"]["appearance"]


def _links(value):
    """Every value of a link-valued property (url, citation) anywhere in the document."""
    if isinstance(value, list):
        return [link for item in value for link in _links(item)]
    if not isinstance(value, dict):
        return []
    found = []
    for key, item in value.items():
        if key in ("url", "citation"):
            found += item if isinstance(item, list) else [item]
        else:
            found += _links(item)
    return found


def test_an_editors_claim_summary_is_what_the_review_names(seed, editor):
    article, claims = seed
    claim = claims["yusov"]
    claim.annotate(by=editor, version=claim.version, changes={"summary": "Russian anti-Kremlin groups attack Belgorod"})
    assert by_claim(article.pk)[claim.pk]["claimReviewed"] == "Russian anti-Kremlin groups attack Belgorod"
