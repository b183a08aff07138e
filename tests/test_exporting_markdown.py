"""Markdown: claims in bold with a note reference, footnotes with the verdict, and user text that
stays text under any CommonMark renderer."""

import lxml.html
import pytest
from markdown_it import MarkdownIt

from claims.exporting import export_article
from claims.exporting.markdown import block_safe, escape
from tests.export_fixtures import HOSTILE, _claim, _label, annotated_seed, hostile_article


def rendered(markdown, html=True):
    return lxml.html.fragment_fromstring(MarkdownIt("commonmark", {"html": html}).render(markdown), create_parent="div")


@pytest.mark.django_db
def test_claims_are_bold_and_followed_by_their_note_reference(editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    markdown = export_article(article.pk, "md").decode()
    texts = {name: article.text[claims[name].start : claims[name].end] for name in claims}
    assert f"TASS that **{texts['peskov']}**[^3]." in markdown
    assert f"Earlier the same day, **{texts['corps']}**[^2], bordering" in markdown
    assert rendered(markdown).xpath("//p/strong/text()")[:3] == [texts["yusov"], texts["corps"], texts["peskov"]]
    assert texts["kyiv"] not in markdown.split("**")[1::2]  # a proposed label is not for readers


@pytest.mark.django_db
def test_footnotes_give_verdict_speaker_channel_rationale_and_evidence(editor, reviewer):
    article, _ = annotated_seed(editor, reviewer)
    markdown = export_article(article.pk, "md").decode()
    assert markdown.startswith(
        "# Armed Russian groups start combat operation in Belgorod Oblast\n\n"
        "The Kyiv Independent · 22 May 2023 · <https://kyivindependent.com/belgorod>\n"
    )
    notes = [block for block in markdown.split("\n\n") if block.startswith("[^")]
    assert notes == [
        "[^1]: **? Unverified** — Andrii Yusov, spokesperson, Ukraine's military intelligence, via Suspilne. "
        "Only the spokesperson's word so far. Evidence: <https://suspilne.media/belgorod>.",
        "[^2]: **✓ Confirmed** — Russian Volunteer Corps, armed group. Video geolocated in Kozinka. "
        "Evidence: <https://example.org/geolocation>, <https://example.org/video>.",
        "[^3]: **✗ Denied** — Dmitry Peskov, Kremlin spokesperson, via TASS. "
        "Contradicted by later Kremlin statements.\n",
    ]


@pytest.mark.django_db
def test_working_copy_gives_each_label_its_state(editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    markdown = export_article(article.pk, "md", approved_only=False).decode()
    assert "**Kyiv has denied any connection to the group's operations.**[^5]" in markdown
    assert (
        "[^5]: **✗ Denied (proposed)** — Kyiv, government of Ukraine. Awaiting the ministry's statement. "
        "Proposed by alice." in markdown
    )
    assert "rejected by charlie: “Telegram post is not independent evidence.”" in markdown


@pytest.mark.django_db
def test_nested_claim_keeps_its_reference_inside_the_outer_bold_run(editor, reviewer):
    article, _ = annotated_seed(editor, reviewer)
    nested = _claim(article, "Andrii Yusov told Suspilne", source=None, by=editor)
    _label(nested, by=editor, verdict="confirmed", status="approved", reviewer=reviewer)
    markdown = export_article(article.pk, "md").decode()
    assert "intelligence Andrii Yusov told Suspilne[^2] news outlet on May 22.**[^1]" in markdown
    assert "[^2]: **✓ Confirmed** — Unattributed." in markdown


@pytest.mark.django_db
@pytest.mark.parametrize("html", [True, False], ids=["raw-html-enabled", "raw-html-disabled"])
def test_hostile_strings_stay_inert_text(editor, reviewer, html):
    article = hostile_article(editor, reviewer)
    markdown = export_article(article.pk, "md").decode()
    doc = rendered(markdown, html=html)
    assert not doc.xpath("//script | //img | //iframe")
    assert not [name for element in doc.iter() for name in element.attrib if name.lower().startswith("on")]
    # The only link is the one http(s) evidence URL; the javascript: and data: evidence are dropped.
    assert doc.xpath("//a/@href") == ["https://example.org/ok"]
    assert not doc.xpath("//@src")
    assert doc.xpath("//h1")[0].text_content() == f"Prices {HOSTILE}"
    assert f"The minister {HOSTILE} said prices would fall." in doc.xpath("//strong/text()")
    assert 'via <a href="javascript:alert(1)">TV</a>.' in doc.text_content()


@pytest.mark.parametrize(
    "text",
    [
        "[click](javascript:alert(1))",
        "![x](data:text/html,x)",
        "<b onmouseover=alert(1)>hi</b>",
        "&lt;script&gt;",
        "[^1] and [^1]: forged note",
        "*em* _em_ `code` ~~gone~~",
        "<https://evil.example>",
        "a | b | c",
        "back\\slash \\*still\\*",
    ],
)
def test_escaped_text_renders_as_itself(text):
    doc = rendered(escape(text))
    assert doc.text_content().strip() == text
    assert [element.tag for element in doc.iter()] == ["div", "p"]


@pytest.mark.parametrize(
    "text",
    [
        "- not a list",
        "+ nor this",
        "1. nor a numbered list",
        "2022) either",
        "# not a heading",
        "> not a quote",
        "=== not an underline",
        "--- no rule",
    ],
)
def test_a_line_that_looks_like_a_block_stays_a_paragraph(text):
    doc = rendered(block_safe(escape(text)))
    assert [element.tag for element in doc.iter()] == ["div", "p"]
    assert doc.text_content().strip() == text
