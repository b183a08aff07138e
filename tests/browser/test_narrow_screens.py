"""At 390 px, a phone's width, no page scrolls sideways; at 1280 px and 390 px axe finds nothing serious."""

import pytest

from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.export_fixtures import SEED
from tests.factories import create_claim, create_label, create_source, create_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pages(article, source):
    return [
        "/",
        "/dashboard/",
        "/articles/import/",
        f"/articles/{article.pk}/",
        "/review/",
        "/sources/",
        f"/sources/{source.pk}/",
        f"/sources/{source.pk}/edit/",
        "/account/password/",
        "/search/?q=Yusov",
    ]


def test_no_page_scrolls_sideways_on_a_phone(page, reviewer):
    from claims.importing.metadata import Metadata
    from claims.importing.pipeline import import_and_suggest

    editor = create_user(username="frank", role="editor")
    article, _ = import_and_suggest(SEED.read_bytes(), filename=SEED.name, meta=Metadata(), by=editor)
    source = create_source(name="Andrii Yusov", role="spokesperson for Ukraine's military intelligence")
    claim = create_claim(sentence=article.sentences.get(number=3), source=source, by=editor)
    create_label(claim=claim, by=editor, verdict="confirmed", rationale="Footage matches.")
    sign_in(page, "charlie")
    page.set_viewport_size({"width": 390, "height": 844})
    wide = {}
    for url in pages(article, source):
        page.goto(url)
        screenshot(page, "narrow" + url.split("?")[0].replace("/", "_").rstrip("_"))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[url] = width
    assert wide == {}


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_passes_axe_at_laptop_and_phone_widths(page, reviewer, width):
    from claims.importing.metadata import Metadata
    from claims.importing.pipeline import import_and_suggest

    editor = create_user(username="frank", role="editor")
    article, _ = import_and_suggest(SEED.read_bytes(), filename=SEED.name, meta=Metadata(), by=editor)
    source = create_source(name="Andrii Yusov")
    create_label(claim=create_claim(sentence=article.sentences.get(number=3), source=source, by=editor), by=editor)
    sign_in(page, "charlie")
    page.set_viewport_size({"width": width, "height": 844})
    for url in pages(article, source):
        page.goto(url)
        assert_accessible(page)
