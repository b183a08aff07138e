"""The import workflow: one transaction from bytes to article and sentences, then the suggestions."""

import io
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from claims.importing.metadata import ImportRefused, Metadata
from claims.importing.pipeline import import_and_suggest, import_article
from claims.models import Article, HistoryEntry, Sentence
from claims.segmentation import split_sentences

SEED = Path(settings.BASE_DIR) / "seeds" / "000_3ebd80acff131b37.txt"


def sentences_of(article):
    return [article.text[s.start : s.end] for s in article.sentences.all()]


def assert_spans_exact(article):
    previous_end = 0
    for sentence in article.sentences.all():
        piece = article.text[sentence.start : sentence.end]
        assert piece == piece.strip() and piece
        assert sentence.start >= previous_end
        previous_end = sentence.end


def test_seed_article_imports_with_date_and_without_boilerplate(db):
    article = import_article(SEED.read_bytes(), filename=SEED.name)
    assert article.published == date(2023, 5, 22)
    texts = sentences_of(article)
    assert not any("audio" in text.lower() or text.startswith("date") for text in texts)
    assert texts[0].startswith("Armed Russian anti-government groups allegedly fighting")
    assert texts[-1].startswith("The Freedom of Russia Legion was founded")
    # Every sentence of the article body is present, in order: the body minus the header line
    # is exactly what the sentences cover.
    body_lines = [line.strip() for line in SEED.read_text().splitlines()[1:] if line.strip()]
    assert "\n\n".join(body_lines) == article.text
    assert " ".join(texts) == " ".join(body_lines)
    assert texts[1].endswith("said Yusov.") and len(texts) == 13
    assert [s.paragraph for s in article.sentences.all()][:3] == [1, 2, 3]
    assert_spans_exact(article)


def test_sentence_numbers_and_paragraphs_follow_reading_order(db):
    article = import_article(b"A one. A two.\n\nB one.\n\nC one. C two. C three.", fmt="text")
    rows = list(article.sentences.values_list("number", "paragraph"))
    assert rows == [(1, 1), (2, 1), (3, 2), (4, 3), (5, 3), (6, 3)]


def test_markdown_import_drops_markup_and_keeps_link_text(db):
    data = (
        b"# Bridge to reopen\n\nThe **mayor** said the [bridge](https://example.com) would reopen.\n\n"
        b"- Critics disagreed.\n"
    )
    article = import_article(data, filename="story.md")
    assert article.title == "Bridge to reopen" and article.source_format == "md"
    assert sentences_of(article) == ["The mayor said the bridge would reopen.", "Critics disagreed."]


def test_html_import_is_sanitised_and_keeps_the_article_body(db):
    page = b"""<!doctype html><html><head><title>Bridge to reopen | Gazette</title>
    <meta property="article:published_time" content="2024-03-05T10:00:00Z"><script>steal()</script></head>
    <body><nav>Home News Sport</nav><article><h1>Bridge to reopen</h1>
    <p onclick="x()">The mayor said the bridge would reopen.</p><!-- hidden note -->
    <p>Critics disagreed. <a href="javascript:alert(1)">They</a> cited costs.</p></article>
    <footer>Copyright</footer></body></html>"""
    article = import_article(page, filename="page.html")
    assert article.title == "Bridge to reopen"
    assert article.published == date(2024, 3, 5)
    assert article.text == "The mayor said the bridge would reopen.\n\nCritics disagreed. They cited costs."
    assert_spans_exact(article)


def test_docx_import_keeps_paragraphs(db):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Bridge to reopen", style="Title")
    document.add_paragraph("The mayor said the bridge would reopen. Critics disagreed.")
    document.add_paragraph("They cited costs.")
    buffer = io.BytesIO()
    document.save(buffer)
    article = import_article(buffer.getvalue(), filename="story.docx")
    assert article.title == "Bridge to reopen" and article.source_format == "docx"
    assert sentences_of(article) == [
        "The mayor said the bridge would reopen.",
        "Critics disagreed.",
        "They cited costs.",
    ]
    assert [s.paragraph for s in article.sentences.all()] == [1, 1, 2]


def test_explicit_metadata_wins_over_the_files_own(db):
    article = import_article(
        SEED.read_bytes(),
        filename=SEED.name,
        meta=Metadata(
            title="Given", outlet="Wire", url="https://example.com/a", published=date(2023, 5, 23), language="en"
        ),
    )
    assert (article.title, article.outlet, article.url, article.published) == (
        "Given",
        "Wire",
        "https://example.com/a",
        date(2023, 5, 23),
    )


def test_title_defaults_to_the_first_sentence_shortened(db):
    article = import_article(b"Short opening line. More text follows here.", fmt="text")
    assert article.title == "Short opening line."


def test_offsets_point_into_canonical_text(db):
    data = "Cafe\u0301 owners said prices rose.   \r\nThey blamed energy.\r\n\r\n\r\n\r\nNew paragraph.".encode()
    article = import_article(data, fmt="text")
    assert "\r" not in article.text and "  \n" not in article.text
    assert article.text.startswith("Caf\u00e9 owners")  # NFC
    assert sentences_of(article) == ["Caf\u00e9 owners said prices rose.", "They blamed energy.", "New paragraph."]
    assert list(split_sentences(article.text)) == list(article.sentences.values_list("start", "end"))


BAD_INPUTS = {
    "empty": (b"", "a.txt", "auto"),
    "whitespace only": (b"  \n\t \n", "a.txt", "auto"),
    "binary": (bytes(range(256)) * 40, "a.bin", "auto"),
    "png called html": (b"\x89PNG\r\n\x1a\n" + b"\x00IHDR" * 100, "page.html", "auto"),
    "invalid utf-8": ("Caf\u00e9 said".encode() + b" \xc3\x28 \xa0\xa1 broken", "a.txt", "auto"),
    "docx not a zip": (b"This is not a Word file at all.", "story.docx", "auto"),
    "unknown format": (b"Hello.", "a.txt", "pdfx"),
    "2 MB line without punctuation": (b"word " * 400_000, "long.txt", "auto"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_is_refused_with_one_line_and_saves_nothing(db, name):
    data, filename, fmt = BAD_INPUTS[name]
    with pytest.raises(ImportRefused) as refusal:
        import_article(data, filename=filename, fmt=fmt)
    message = str(refusal.value)
    assert message and "\n" not in message and len(message) < 200
    assert Article.objects.count() == Sentence.objects.count() == HistoryEntry.objects.count() == 0


def test_oversized_file_is_refused_by_the_size_setting(db, settings):
    settings.IMPORT_MAX_BYTES = 1000
    with pytest.raises(ImportRefused, match="limit"):
        import_article(b"Fine sentence. " * 100, fmt="text")
    assert Article.objects.count() == 0


def test_encodings_that_can_be_decoded_honestly_are_decoded(db):
    cp1252 = "The minister said \u201cno comment\u201d \u2013 again.".encode("cp1252")
    utf16 = "Die Ministerin sagte: \u201eNein.\u201c".encode("utf-16")
    bom = "\ufeffCaf\u00e9 reopened.".encode()
    assert import_article(cp1252, fmt="text").text == "The minister said \u201cno comment\u201d \u2013 again."
    assert import_article(utf16, fmt="text", meta=Metadata(language="de")).text.startswith("Die Ministerin")
    assert import_article(bom, fmt="text").text == "Caf\u00e9 reopened."


def test_bad_metadata_is_refused(db):
    with pytest.raises(ImportRefused, match="Language"):
        import_article(b"One.", fmt="text", meta=Metadata(language="xx yy"))
    with pytest.raises(ImportRefused, match="URL"):
        import_article(b"One.", fmt="text", meta=Metadata(url="javascript:alert(1)"))
    assert Article.objects.count() == 0


def test_import_and_suggest_stores_the_suggestions_with_the_article(db):
    article, suggested = import_and_suggest(SEED.read_bytes(), filename=SEED.name)
    assert suggested == article.suggestions.count() > 0


def test_a_known_text_is_imported_again_unless_asked_to_skip_it(db):
    first = import_article(SEED.read_bytes(), filename=SEED.name)
    assert import_article(SEED.read_bytes(), filename=SEED.name, skip_known_text=True) is None
    assert Article.objects.count() == 1
    assert import_and_suggest(SEED.read_bytes(), filename=SEED.name, skip_known_text=True) == (None, 0)
    second = import_article(SEED.read_bytes(), filename=SEED.name)
    assert second.pk != first.pk and second.text == first.text
