"""The format registry and the calls the views and commands use: export_article and export_zip."""

import io
import zipfile

import pytest

from claims import exporting
from claims.exporting import (
    FORMATS,
    claimreview,
    csv_writer,
    docx,
    export_article,
    export_zip,
    html,
    markdown,
    webannotation,
)
from claims.exporting.workbench_json import writer as workbench_json
from tests.export_fixtures import annotated_seed
from tests.factories import create_article, create_claim, create_label, create_source


def test_each_format_names_its_writer():
    # Anyone can follow a format to the function that writes it.
    writers = {name: fmt.render for name, fmt in FORMATS.items()}
    assert writers == {
        "html": html.render,
        "md": markdown.render,
        "csv": csv_writer.render,
        "json": workbench_json.render,
        "webannotation": webannotation.render,
        "claimreview": claimreview.render,
        "docx": docx.render,
    }


def _labelled_article(n, *, editor, reviewer, claims=3):
    article = create_article(title=f"Story {n}", sentences=claims + 2)
    for sentence in list(article.sentences.all())[:claims]:
        claim = create_claim(sentence=sentence, source=create_source(name=f"Speaker {n}.{sentence.number}"), by=editor)
        create_label(
            claim=claim,
            by=editor,
            verdict="denied",
            status="approved",
            reviewed_by=reviewer,
            reviewed_at=claim.created_at,
        )
    return article


@pytest.mark.parametrize("articles, formats", [(1, ["csv"]), (3, ["csv"]), (1, list(FORMATS)), (6, list(FORMATS))])
def test_zip_queries_grow_neither_with_articles_nor_with_formats(
    editor, reviewer, django_assert_max_num_queries, articles, formats
):
    picked = [_labelled_article(n, editor=editor, reviewer=reviewer) for n in range(articles)]
    with django_assert_max_num_queries(6):
        content = export_zip(picked, formats)
    assert len(zipfile.ZipFile(io.BytesIO(content)).namelist()) == articles * len(formats)


def test_zip_reads_articles_in_batches(editor, reviewer, django_assert_max_num_queries, monkeypatch):
    # A long selection is read a batch at a time, so the plain data held at once stays bounded.
    monkeypatch.setattr(exporting, "SNAPSHOT_BATCH", 2)
    picked = [_labelled_article(n, editor=editor, reviewer=reviewer) for n in range(5)]
    with django_assert_max_num_queries(3 * 6):
        content = export_zip(picked, list(FORMATS))
    assert len(zipfile.ZipFile(io.BytesIO(content)).namelist()) == 5 * len(FORMATS)


@pytest.mark.parametrize("approved_only", [None, True, False])
def test_zip_holds_the_same_files_as_one_export_per_article_and_format(editor, reviewer, approved_only):
    seed = annotated_seed(editor, reviewer)[0]
    other = _labelled_article(1, editor=editor, reviewer=reviewer)
    options = exporting.default_options()
    archive = zipfile.ZipFile(
        io.BytesIO(export_zip([seed, other], list(FORMATS), approved_only=approved_only, options=options))
    )
    for article in (seed, other):
        for name in FORMATS:
            expected = export_article(article.pk, name, approved_only=approved_only, options=options)
            content = archive.read(exporting.filename(article, name))
            assert _unzipped(content, name) == _unzipped(expected, name), (article.title, name)


def _unzipped(content, fmt_name):
    """A .docx is a ZIP whose entries carry the time they were written: compare what they hold."""
    if fmt_name != "docx":
        return content
    document = zipfile.ZipFile(io.BytesIO(content))
    return {name: document.read(name) for name in document.namelist()}


def test_formats_that_share_an_extension_are_named_apart(editor, reviewer):
    # Web Annotation and ClaimReview are both .jsonld: one must not overwrite the other, zipped or downloaded.
    article = _labelled_article(1, editor=editor, reviewer=reviewer)
    names = zipfile.ZipFile(io.BytesIO(export_zip([article], ["webannotation", "claimreview", "json"]))).namelist()
    stem = f"story-1-{article.pk}"
    assert names == [f"{stem}.webannotation.jsonld", f"{stem}.claimreview.jsonld", f"{stem}.json"]
    assert exporting.filename(article, "claimreview") == f"{stem}.claimreview.jsonld"  # a single download
    assert exporting.filename(article, "webannotation") == f"{stem}.webannotation.jsonld"
