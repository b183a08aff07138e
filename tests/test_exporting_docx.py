"""Word: every claim carries a comment anchored to exactly its text, overlapping claims included."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.run import Run

from claims.exporting import export_article
from tests.export_fixtures import HOSTILE, _claim, _label, annotated_seed, hostile_article

pytestmark = pytest.mark.django_db


def read(article, **kwargs):
    return Document(io.BytesIO(export_article(article.pk, "docx", **kwargs)))


def anchored_text(document):
    """Comment id -> the text of the runs between its commentRangeStart and commentRangeEnd."""
    open_ids, texts = set(), {}
    for element in document.element.body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:r")):
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(element.get(qn("w:id")))
            texts.setdefault(element.get(qn("w:id")), "")
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(element.get(qn("w:id")))
        else:
            for comment_id in open_ids:
                texts[comment_id] += Run(element, None).text
    return {int(comment_id): text for comment_id, text in texts.items()}


def comments_by_claim_text(document):
    anchored = anchored_text(document)
    return {anchored[comment.comment_id]: comment for comment in document.comments}


def test_each_claim_has_a_comment_anchored_to_exactly_its_text(editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    document = read(article)
    comments = comments_by_claim_text(document)
    texts = {name: article.text[claim.start : claim.end] for name, claim in claims.items()}
    assert set(comments) == set(texts.values())  # every label state: the Word file is for the newsroom
    peskov = comments["Russia's Vladimir Putin had already been informed of the incident"]  # the narrowed span
    assert peskov.text.splitlines() == [
        "✗ Denied (approved)",
        "Speaker: Dmitry Peskov, Kremlin spokesperson",
        "Channel: TASS",
        "Rationale: Contradicted by later Kremlin statements.",
        "Approved by charlie",
    ]
    assert (peskov.author, peskov.initials) == ("alice", "A")
    corps = comments[texts["corps"]].text
    assert "Evidence: https://example.org/geolocation\nEvidence: https://example.org/video" in corps
    gladkov = comments[texts["gladkov"]].text
    assert gladkov.startswith("✓ Confirmed (rejected)")
    assert gladkov.endswith("Rejected by charlie: Telegram post is not independent evidence.")


def test_document_keeps_title_metadata_and_paragraphs(editor, reviewer):
    article, _ = annotated_seed(editor, reviewer)
    paragraphs = read(article).paragraphs
    assert (paragraphs[0].style.name, paragraphs[0].text) == ("Title", article.title)
    assert paragraphs[1].text == "The Kyiv Independent · 22 May 2023 · https://kyivindependent.com/belgorod"
    body = [p.text for p in paragraphs[2:-1]]
    assert body == [p for p in article.text.split("\n\n")]


def test_two_comments_in_one_paragraph_and_overlapping_claims(editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    extra = {
        "nested": "Andrii Yusov told Suspilne",  # inside the Yusov claim
        "crossing": "Belgorod Oblast, bordering Ukraine",  # starts inside the Corps claim, ends after it
        "video": "The group published a video on May 22",  # same paragraph as the Corps claim
    }
    for words in extra.values():
        _label(_claim(article, words, source=None, by=reviewer), by=reviewer, verdict="unverified")
    document = read(article)
    comments = comments_by_claim_text(document)
    assert set(extra.values()) <= set(comments)
    assert article.text[claims["corps"].start : claims["corps"].end] in comments
    assert comments[extra["video"]].text.startswith("? Unverified (proposed)\nSpeaker: Unattributed")
    assert comments[extra["video"]].author == "charlie"
    corps_paragraph = next(p for p in document.paragraphs if p.text.startswith("Earlier the same day"))
    starts = corps_paragraph._p.findall(qn("w:commentRangeStart"))
    assert len(starts) == 3  # the Corps claim, the crossing claim and the video claim


def test_approved_only_leaves_other_labels_out(editor, reviewer):
    article, _ = annotated_seed(editor, reviewer)
    document = read(article, approved_only=True)
    assert sorted(comment.text.splitlines()[0] for comment in document.comments) == [
        "? Unverified",
        "✓ Confirmed",
        "✗ Denied",
    ]


def test_hostile_strings_are_plain_text_and_bad_links_are_dropped(editor, reviewer):
    article = hostile_article(editor, reviewer)
    document = read(article)
    assert document.paragraphs[0].text == f"Prices {HOSTILE}"
    first = next(comment for comment in document.comments if comment.text.startswith("✗ Denied"))
    assert [line for line in first.text.splitlines() if line.startswith("Evidence")] == [
        "Evidence: https://example.org/ok"
    ]
    assert 'Channel: <a href="javascript:alert(1)">TV</a>' in first.text  # shown, not linked
    assert not document.element.body.findall(".//" + qn("w:hyperlink"))


def test_comments_are_signed_by_the_proposers_full_name_and_dated_by_the_label(editor, reviewer):
    editor.first_name, editor.last_name = "Alice", "Kovalenko"
    reviewer.first_name, reviewer.last_name = "Charlie", "Novak"
    editor.save()
    reviewer.save()
    article, claims = annotated_seed(editor, reviewer)
    label = claims["peskov"].labels.get(status="approved")
    comment = comments_by_claim_text(read(article))[claims["peskov"].text]
    assert (comment.author, comment.initials) == ("Alice Kovalenko", "AK")
    assert comment.timestamp.replace(tzinfo=None) == label.proposed_at.replace(microsecond=0, tzinfo=None)
    assert "Approved by Charlie Novak" in comment.text


def test_pages_are_a4_unless_the_desk_asks_for_letter(editor, reviewer, settings):
    article, _ = annotated_seed(editor, reviewer)
    section = read(article).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    settings.EXPORT_PAGE_SIZE = "Letter"
    section = read(article).sections[0]
    assert (round(section.page_width.inches, 2), round(section.page_height.inches, 2)) == (8.5, 11)
