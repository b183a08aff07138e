"""Word (.docx): paragraphs, tables and title; damaged files and zip bombs refused."""

from claims.importing.conversion import extract
from tests.importing.conversion_fixtures import docx_bytes, refusal, zip_bytes


def test_docx_gives_paragraphs_tables_and_title():
    def build(document):
        document.add_paragraph("The headline", style="Title")
        document.add_paragraph("First paragraph.")
        document.add_paragraph("")
        document.add_paragraph("Second paragraph.")
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Cell one."
        table.cell(0, 1).text = "Cell two."
        document.add_paragraph("After the table.")

    extracted = extract(docx_bytes(build), filename="story.docx")
    assert (extracted.format, extracted.title) == ("docx", "The headline")
    assert extracted.text == ("First paragraph.\n\nSecond paragraph.\n\nCell one.\n\nCell two.\n\nAfter the table.")


def test_docx_first_heading_is_the_title_when_nothing_is_styled_title():
    def build(document):
        document.add_heading("A heading", level=1)
        document.add_paragraph("Body.")

    extracted = extract(docx_bytes(build))
    assert (extracted.format, extracted.title, extracted.text) == ("docx", "A heading", "Body.")


def test_docx_core_title_is_the_last_resort():
    def build(document):
        document.core_properties.title = "From the properties"
        document.add_paragraph("Body.")

    assert extract(docx_bytes(build)).title == "From the properties"


def test_file_called_docx_that_is_not_a_zip_is_refused():
    message = refusal(b"Just some text, renamed.", filename="story.docx")
    assert message == "The Word file is damaged or is not a .docx file."


def test_truncated_docx_is_refused():
    data = docx_bytes(lambda document: document.add_paragraph("Body."))
    assert refusal(data[: len(data) // 2], filename="story.docx") == (
        "The Word file is damaged or is not a .docx file."
    )


def test_zip_with_garbage_document_xml_is_refused_as_damaged():
    data = zip_bytes({"[Content_Types].xml": b"<nonsense", "word/document.xml": b"<w:document"})
    assert refusal(data) == "The Word file is damaged or is not a .docx file."


def test_zip_without_a_word_document_is_refused():
    data = zip_bytes({"notes.txt": b"hello"})
    assert refusal(data, filename="story.docx") == "The file is a zip archive, not a Word (.docx) file."


def test_zip_bomb_docx_is_refused_by_its_unpacked_size():
    data = zip_bytes({"word/document.xml": b"<w:document/>", "word/media/bomb.bin": bytes(100 * 1024 * 1024)})
    assert len(data) < 200_000
    assert refusal(data, filename="bomb.docx") == ("The Word file would expand to 100.0 MB; the limit is 50.0 MB.")


def test_zip_bomb_docx_under_the_size_limit_is_refused_by_its_ratio():
    data = zip_bytes({"word/document.xml": b"<w:document/>", "word/media/bomb.bin": bytes(20 * 1024 * 1024)})
    assert refusal(data, filename="bomb.docx").startswith("The Word file looks like a zip bomb")
