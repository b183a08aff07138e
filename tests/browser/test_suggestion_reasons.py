"""An editor opens a sentence of the seed with a suggestion: its Why line marks the speaker, the cue, the
channel and the claim, each named, on a laptop and on a phone, with nothing serious for axe."""

from pathlib import Path

import pytest

from claims.importing.pipeline import import_and_suggest
from tests.browser.conftest import assert_accessible, sign_in
from tests.export_fixtures import SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCRATCH = Path("/work/scratch")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_why_line_marks_speaker_cue_channel_and_claim(page, editor, width):
    article, _ = import_and_suggest(SEED.read_bytes(), filename=SEED.name, by=editor)
    sentence = article.sentences.get(number=1)
    sign_in(page, "alice")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/articles/{article.pk}/?sentence={sentence.pk}")
    why = page.locator("#panel .why")
    why.first.scroll_into_view_if_needed()
    assert why.count() == 1
    for kind, words in (("speaker", "Andrii Yusov"), ("cue", "told"), ("channel", "Suspilne")):
        mark = why.locator(f".why-mark--{kind}")
        assert mark.is_visible() and mark.inner_text() == words
        # The tag after the mark names it in words, so the marks do not rest on colour alone.
        tag = mark.locator("+ .why-tag")
        assert tag.is_visible() and tag.text_content() == f" ({kind})"
    claim = why.locator(".why-mark--claim")
    assert claim.is_visible() and claim.text_content().startswith("claim: Armed Russian anti-government groups")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    SCRATCH.mkdir(parents=True, exist_ok=True)
    panel = page.locator("#panel")
    if width == 1280:
        page.screenshot(path=SCRATCH / "why-1280.png")
    else:
        panel.screenshot(path=SCRATCH / "why-390.png")
