"""The workspace fits the screen: the first sentence above the fold, Save beside the Speaker field on a laptop,
and on a phone an opened claim's form in view and focused. Geometry is measured, not assumed."""

import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import SCREENSHOTS, assert_accessible, screenshot, sign_in
from tests.export_fixtures import annotated_seed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS = Path(__file__).resolve().parents[2] / "docs"

# The element's box, and whether it is the one the browser shows at its centre (nothing sticks over it).
BOX = """(el) => {
  const r = el.getBoundingClientRect();
  const shown = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width,
          viewport: window.innerHeight, uncovered: el === shown || el.contains(shown)};
}"""


FIRST_LINE = """(p) => {
  const range = document.createRange();
  range.selectNodeContents(p);
  const r = range.getClientRects()[0];
  return {top: r.top, bottom: r.bottom, viewport: window.innerHeight};
}"""


@pytest.fixture
def article(editor, reviewer):
    article, _ = annotated_seed(editor, reviewer)
    return article


def on_screen(box):
    return box["top"] >= 0 and box["bottom"] <= box["viewport"] and box["uncovered"]


def open_claim(page, speaker):
    page.locator(".sentences > li .claim-chips a", has_text=speaker).click()
    page.locator("#panel [data-claim-form]").wait_for()
    return page.locator("#panel")


def test_the_header_leaves_the_first_sentence_above_the_fold_at_1280(page, editor, article):
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, "alice")
    page.goto(f"/articles/{article.pk}/")
    first = page.locator(".sentences > li").first
    assert first.evaluate(BOX)["width"] >= 600
    # The whole first line of the first sentence shows, with room to spare.
    line = first.locator("p").evaluate(FIRST_LINE)
    assert line["bottom"] < line["viewport"] - 200, line
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_save_shows_beside_the_speaker_field_at_1280(page, editor, article):
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, "alice")
    page.goto(f"/articles/{article.pk}/")
    panel = open_claim(page, "Andrii Yusov")
    speaker, save = panel.get_by_label("Speaker"), panel.get_by_role("button", name="Save")
    # Before the page has scrolled, and with the panel scrolled to Speaker, then to the last field.
    page.evaluate("window.scrollTo(0, 0)")
    panel.evaluate("(panel) => { panel.scrollTop = 0; }")
    speaker.evaluate("(el) => el.scrollIntoView({block: 'nearest'})")
    assert on_screen(speaker.evaluate(BOX)), speaker.evaluate(BOX)
    assert on_screen(save.evaluate(BOX)), save.evaluate(BOX)
    page.evaluate("window.scrollBy(0, 600)")
    evidence = panel.get_by_label("Evidence")
    evidence.evaluate("(el) => el.scrollIntoView({block: 'nearest'})")
    assert on_screen(evidence.evaluate(BOX)), evidence.evaluate(BOX)
    assert on_screen(save.evaluate(BOX)), save.evaluate(BOX)
    screenshot(page, "workspace_1280_claim")
    assert_accessible(page)

    # On a laptop the panel opens beside the text without taking focus: the keys still move between rows.
    yusov_row = page.locator(".sentences > li", has_text="Andrii Yusov told Suspilne")
    assert page.evaluate("document.activeElement.id") == yusov_row.get_attribute("id")
    page.keyboard.press("j")
    number = int(yusov_row.locator("a").first.inner_text())
    assert page.locator(".sentences > li.is-current > a").inner_text() == str(number + 1)

    # The README's picture: the seeded article with Yusov's claim open, as a laptop shows it.
    page.goto(f"/articles/{article.pk}/")
    open_claim(page, "Andrii Yusov")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=SCREENSHOTS / "workspace_readme.png")
    shutil.copyfile(SCREENSHOTS / "workspace_readme.png", DOCS / "workspace.png")


def test_opening_a_claim_on_a_phone_brings_its_form_into_view_and_focus(page, editor, article):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "alice")
    page.goto(f"/articles/{article.pk}/")
    panel = open_claim(page, "Russian Volunteer Corps")
    speaker = panel.get_by_label("Speaker")
    assert speaker.evaluate("(el) => el === document.activeElement")
    assert speaker.input_value() == "Russian Volunteer Corps"
    assert on_screen(speaker.evaluate(BOX)), speaker.evaluate(BOX)
    assert on_screen(panel.get_by_role("button", name="Save").evaluate(BOX))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "workspace_390_claim")
    assert_accessible(page)

    # Escape leaves the field, and the keys carry on from the claim's sentence.
    corps_row = page.locator(".sentences > li", has_text="the Russian Volunteer Corps claimed")
    assert "is-current" in corps_row.get_attribute("class")
    page.keyboard.press("Escape")
    page.keyboard.press("k")
    assert "is-current" not in corps_row.get_attribute("class")
    assert page.locator(".sentences > li.is-current").count() == 1
