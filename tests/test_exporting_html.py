"""The reader page: claims highlighted with their exact text, notes linked both ways, nothing active."""

import lxml.html
import pytest

from claims.exporting import export_article
from tests.export_fixtures import HOSTILE, _claim, _label, annotated_seed, hostile_article

pytestmark = pytest.mark.django_db


def page(article, approved_only=None):
    return lxml.html.document_fromstring(export_article(article.pk, "html", approved_only=approved_only))


def marked_text(doc, claim):
    """The text of every highlighted segment that belongs to the claim, in order."""
    return "".join(
        mark.text_content()
        for mark in doc.xpath("//mark[contains(@class, 'claim')]")
        if str(claim.pk) in mark.get("data-claims").split()
    )


def tag(doc, claim):
    """The short tag after the claim in the text: its verdict in words (the number is the note's)."""
    [element] = doc.xpath(f"//a[contains(@class, 'tag')][@data-claim='{claim.pk}']")
    return element.text_content().rstrip("0123456789")


def note(doc, claim):
    [element] = doc.xpath(f"//li[contains(@class, 'note')][@data-claim='{claim.pk}']")
    return element


def test_approved_claims_are_highlighted_with_their_exact_text(editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    doc = page(article)
    marks = doc.xpath("//mark[contains(@class, 'claim')]")
    assert {mark.get("data-claims") for mark in marks} == {str(claims[n].pk) for n in ("yusov", "corps", "peskov")}
    for name in ("yusov", "corps", "peskov"):
        claim = claims[name]
        [mark] = [m for m in marks if m.get("data-claims") == str(claim.pk)]
        assert mark.text_content() == article.text[claim.start : claim.end]
    assert "verdict-denied" in marks[2].get("class")  # reading order: Yusov, the Corps, Peskov


def test_each_claim_is_followed_by_a_short_verdict_tag_and_its_note_names_speaker_and_channel(editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    doc = page(article)
    assert [tag(doc, claims[name]) for name in ("yusov", "corps", "peskov")] == [
        "? Unverified",
        "✓ Confirmed",
        "✗ Denied",
    ]
    speaker = "p[@class='note__speaker']"
    assert note(doc, claims["peskov"]).xpath(speaker)[0].text_content() == (
        "Said by Dmitry Peskov, Kremlin spokesperson, via TASS."
    )
    assert (
        note(doc, claims["corps"]).xpath(speaker)[0].text_content() == "Said by Russian Volunteer Corps, armed group."
    )
    # The tag sits in the sentence, after the claim's last word, not on a line of its own.
    [peskov_tag] = doc.xpath(f"//a[@id='claim-{claims['peskov'].pk}']")
    assert peskov_tag.getparent().tag == "p" and peskov_tag.get("aria-label") == "✗ Denied: note 3"


def test_notes_are_numbered_in_reading_order_and_linked_both_ways(editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    doc = page(article)
    refs = doc.xpath("//a[contains(@class, 'tag')]")
    ordered = [claims[name] for name in ("yusov", "corps", "peskov")]
    assert [(a.findtext("sup"), a.get("href"), a.get("id")) for a in refs] == [
        (str(n), f"#note-{n}", f"claim-{claim.pk}") for n, claim in enumerate(ordered, 1)
    ]
    # Each paragraph's notes follow it (beside it on a wide screen).
    notes = doc.xpath("//section[@class='para']/ol[@class='para__notes']/li")
    assert [(note.get("id"), note.get("value")) for note in notes] == [(f"note-{n}", str(n)) for n in (1, 2, 3)]
    for claim, note_element in zip(ordered, notes):
        assert note_element.xpath(".//a[@class='note__back']/@href") == [f"#claim-{claim.pk}"]
    peskov = notes[2].text_content()
    assert "Dmitry Peskov" in peskov and "Contradicted by later Kremlin statements." in peskov
    evidence = notes[1].xpath(".//p[@class='note__evidence']/a")
    assert [a.get("href") for a in evidence] == ["https://example.org/geolocation", "https://example.org/video"]
    assert {a.get("rel") for a in evidence} == {"noopener noreferrer"}


def test_legend_explains_verdicts_in_words_not_colour_alone(editor, reviewer):
    article, _ = annotated_seed(editor, reviewer)
    legend = page(article).xpath("//aside[@class='legend']")[0].text_content()
    for words in ("✓ Confirmed", "✗ Denied", "? Unverified"):
        assert words in legend


def test_page_is_self_contained_and_runs_nothing(editor, reviewer):
    article, _ = annotated_seed(editor, reviewer)
    doc = page(article)
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert not doc.xpath("//script | //link | //img | //iframe | //object | //embed | //base | //form")
    assert not doc.xpath("//@src | //@srcset")
    assert "@import" not in export_article(article.pk, "html").decode() and "url(" not in doc.xpath("//style")[0].text
    outside = [href for href in doc.xpath("//a/@href") if not href.startswith("#")]
    assert outside and all(href.startswith(("https://", "http://")) for href in outside)
    assert not [name for element in doc.iter() for name in element.attrib if name.lower().startswith("on")]


def test_hostile_strings_appear_only_as_escaped_text(editor, reviewer):
    article = hostile_article(editor, reviewer)
    html = export_article(article.pk, "html").decode()
    doc = lxml.html.document_fromstring(html)
    assert HOSTILE not in html and "&lt;script&gt;" in html
    assert not doc.xpath("//script | //img")
    assert not [name for element in doc.iter() for name in element.attrib if name.lower().startswith("on")]
    values = [value.strip().lower() for value in doc.xpath("//@*")]
    assert not [value for value in values if value.startswith(("javascript:", "data:"))]
    # The payload is still there for the reader to see, as text.
    assert doc.findtext(".//title") == f"Prices {HOSTILE}"
    assert HOSTILE in doc.xpath("//mark")[0].text_content()
    assert 'via <a href="javascript:alert(1)">TV</a>' in doc.xpath("//p[@class='note__speaker']")[0].text_content()
    # Only the http(s) evidence link becomes a link.
    assert doc.xpath("//p[@class='note__evidence']/a/@href") == ["https://example.org/ok"]


def test_working_copy_shows_unapproved_labels_with_their_state(editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    doc = page(article, approved_only=False)
    assert len(doc.xpath("//mark[contains(@class, 'claim')]")) == 5
    assert tag(doc, claims["kyiv"]) == "✗ Denied (proposed)" and "Kyiv" in note(doc, claims["kyiv"]).text_content()
    assert tag(doc, claims["gladkov"]) == "✓ Confirmed (rejected)"
    assert "Vyacheslav Gladkov" in note(doc, claims["gladkov"]).text_content()
    assert tag(doc, claims["peskov"]) == "✗ Denied (approved)"
    assert "Telegram post is not independent evidence." in doc.xpath("//div[@class='text']")[0].text_content()
    assert "Working copy" in doc.xpath("//aside[@class='legend']")[0].text_content()


def test_nested_and_crossing_claims_each_keep_their_exact_text(editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    nested = _claim(article, "Andrii Yusov told Suspilne", source=None, by=editor)
    crossing = _claim(article, "Belgorod Oblast, bordering Ukraine", source=None, by=editor)
    for claim in (nested, crossing):
        _label(claim, by=editor, verdict="confirmed", status="approved", reviewer=reviewer)
    doc = page(article)
    for claim in (claims["yusov"], claims["corps"], nested, crossing):
        assert marked_text(doc, claim) == article.text[claim.start : claim.end]
    [inner] = [m for m in doc.xpath("//mark") if m.get("data-claims") == f"{claims['yusov'].pk} {nested.pk}"]
    assert inner.text_content() == "Andrii Yusov told Suspilne"
    assert "depth-2" in inner.get("class")
    assert tag(doc, nested) == "✓ Confirmed" and "Said by Unattributed." in note(doc, nested).text_content()
