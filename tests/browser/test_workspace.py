"""An editor annotates the seed article: with the mouse, with the keyboard alone, and without JavaScript."""

from pathlib import Path

import pytest
from django.conf import settings

from claims.importing.pipeline import import_article
from claims.models import Claim, Label, Source
from tests.browser.conftest import assert_accessible, new_speaker, screenshot, sign_in
from tests.factories import create_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED = Path(settings.BASE_DIR) / "seeds" / "000_3ebd80acff131b37.txt"


@pytest.fixture
def seed_article(editor):
    return import_article(SEED.read_bytes(), filename=SEED.name, by=editor)


def row(page, words):
    return page.locator(".sentences > li", has_text=words)


def mark(sentence_row):
    """Click the sentence, then its "Mark as claim" (the button sits on the current row only); the
    panel, once it shows the new claim."""
    sentence_row.locator("p").click()
    sentence_row.get_by_role("button", name="Mark as claim").click()
    panel = sentence_row.page.locator("#panel")
    panel.get_by_text("Claim marked.").wait_for()
    return panel


def speakers(sentence_row):
    return sentence_row.locator(".claim-chips b").all_inner_texts()


def fill_yusov(page, *, javascript=True):
    panel = page.locator("#panel")
    new_speaker(
        panel, "Andrii Yusov", role="spokesperson", affiliation="Ukraine's military intelligence", javascript=javascript
    )
    panel.get_by_label("Channel").fill("Suspilne")
    panel.get_by_label("Label").select_option("unverified")
    panel.get_by_label("Rationale").fill("Only the spokesperson's word so far.")
    panel.get_by_label("Evidence").fill("https://suspilne.media/example")


def assert_yusov_saved(article):
    claim = Claim.objects.get(article=article, source__name="Andrii Yusov")
    assert claim.text.startswith("Armed Russian anti-government groups")
    assert (claim.source.kind, claim.source.role, claim.source.affiliation) == (
        "person",
        "spokesperson",
        "Ukraine's military intelligence",
    )
    assert claim.channel == "Suspilne"
    label = claim.labels.get()
    assert (label.verdict, label.status, label.evidence) == (
        "unverified",
        "proposed",
        ["https://suspilne.media/example"],
    )


def assert_two_speakers_saved(page, article):
    """After a reload: Yusov's claim, and the Peskov sentence holding a narrowed claim by Peskov (via
    TASS) and a whole-sentence claim by TASS."""
    claims = Claim.objects.filter(article=article)
    assert claims.count() == 3
    narrowed = claims.get(source__name="Dmitry Peskov")
    assert narrowed.text == "Russia's Vladimir Putin had already been informed"
    assert (narrowed.channel, narrowed.source.role) == ("TASS", "Kremlin spokesperson")
    whole = claims.get(source__name="TASS")
    assert whole.sentence_id == narrowed.sentence_id and whole.text == whole.sentence.text
    assert whole.source.kind == "organisation"
    assert speakers(row(page, "Andrii Yusov told Suspilne")) == ["Andrii Yusov"]
    assert sorted(speakers(row(page, "Dmitry Peskov said"))) == ["Dmitry Peskov", "TASS"]


def test_editor_annotates_the_seed_article_with_the_mouse(page, editor, seed_article):
    sign_in(page, "alice")
    page.goto(f"/articles/{seed_article.pk}/")
    assert_accessible(page)
    yusov = row(page, "Andrii Yusov told Suspilne")
    mark(yusov)
    # The names PRODUCT.md promises resolve to exactly one control each, unscoped.
    for name in ("Speaker", "Channel", "Label", "Rationale", "Evidence"):
        assert page.get_by_label(name).count() == 1, name
    for name in ("Save", "Export"):
        assert page.get_by_role("button", name=name).count() == 1, name
    fill_yusov(page)
    screenshot(page, "workspace_claim_form")
    page.locator("#panel").get_by_role("button", name="Save").click()
    page.locator("#panel").get_by_text("Saved.").wait_for()
    page.locator("#activity").get_by_text("proposed Unverified").wait_for()  # refreshed without a reload
    assert speakers(yusov) == ["Andrii Yusov"]
    assert yusov.get_by_text("Unverified · proposed").is_visible()
    assert_yusov_saved(seed_article)

    # Two speakers in one sentence, one of them on a narrowed span selected with the mouse.
    peskov = row(page, "Dmitry Peskov said")
    text = peskov.locator("p")
    text.click()
    text.evaluate(
        """(el) => { const node = el.firstChild; const words = "Russia's Vladimir Putin had already been informed";
        const at = node.textContent.indexOf(words); const range = document.createRange();
        range.setStart(node, at); range.setEnd(node, at + words.length);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range); }"""
    )
    peskov.get_by_role("button", name="Mark as claim").click()  # the selection narrows it
    panel = page.locator("#panel")
    panel.get_by_text("Claim marked.").wait_for()
    new_speaker(panel, "Dmitry Peskov", role="Kremlin spokesperson")
    panel.get_by_label("Channel").fill("TASS")
    panel.get_by_role("button", name="Save").click()
    panel.get_by_text("Saved.").wait_for()

    mark(peskov)
    new_speaker(panel, "TASS", kind="organisation")
    panel.get_by_role("button", name="Save").click()
    panel.get_by_text("Saved.").wait_for()
    assert_accessible(page)
    screenshot(page, "workspace")

    page.reload()
    assert_two_speakers_saved(page, seed_article)
    page.set_viewport_size({"width": 420, "height": 900})
    assert_accessible(page)
    screenshot(page, "workspace_narrow")
    assert page.console_errors == []


def test_editor_annotates_with_the_keyboard_alone(page, editor, seed_article):
    sign_in(page, "alice")
    page.goto(f"/articles/{seed_article.pk}/")
    keys = page.keyboard
    keys.press("j")
    keys.press("j")
    assert "Russian shelling" in page.locator(".sentences > li.is-current").inner_text()
    keys.press("k")
    keys.press("ArrowUp")
    assert "Andrii Yusov told Suspilne" in page.locator(".sentences > li.is-current").inner_text()
    # j and k step across paragraph boundaries, and only one row is ever current.
    last_of_first = page.locator(".paragraph").nth(0).locator(".sentences > li").last
    first_of_second = page.locator(".paragraph").nth(1).locator(".sentences > li").first
    last_of_first.locator("p").click()
    keys.press("j")
    assert "is-current" in first_of_second.get_attribute("class").split()
    keys.press("k")
    assert "is-current" in last_of_first.get_attribute("class")
    assert page.locator(".sentences > li.is-current").count() == 1
    page.locator(".sentences > li").first.locator("p").click()
    keys.press("c")
    page.locator("#panel").get_by_text("Claim marked.").wait_for()
    keys.press("s")
    keys.type("Andrii Yusov")
    page.get_by_role("button", name="Create “Andrii Yusov” as a new person").wait_for()
    keys.press("ArrowDown")
    keys.press("Enter")  # on to Role or title
    keys.type("spokesperson")
    keys.press("Tab")
    keys.type("Ukraine's military intelligence")
    keys.press("Tab")
    keys.type("Suspilne")
    keys.press("Escape")  # leaves the field, so the next key is a shortcut
    keys.press("3")
    assert page.locator("#panel").get_by_label("Label").input_value() == "unverified"
    keys.press("Tab")
    keys.type("Only the spokesperson's word so far.")
    keys.press("Tab")
    keys.type("https://suspilne.media/example")
    keys.press("Control+Enter")
    page.locator("#panel").get_by_text("Saved.").wait_for()
    assert_yusov_saved(seed_article)

    # Two speakers in the Peskov sentence; Peskov's claim narrowed through "Change the span".
    for _ in range(8):
        keys.press("j")
    assert "Dmitry Peskov said" in page.locator(".sentences > li.is-current").inner_text()
    keys.press("c")
    page.locator("#panel").get_by_text("Claim marked.").wait_for()
    keys.press("s")
    keys.type("Dmitry Peskov")
    page.get_by_role("button", name="Create “Dmitry Peskov” as a new person").wait_for()
    keys.press("ArrowDown")
    keys.press("Enter")
    keys.type("Kremlin spokesperson")
    keys.press("Tab")
    keys.press("Tab")
    keys.type("TASS")
    for _ in range(6):  # cue, label, rationale, evidence, claim summary, "Change the span"
        keys.press("Tab")
    keys.press("Enter")
    keys.press("Tab")
    keys.press("Control+a")
    keys.type("Russia's Vladimir Putin had already been informed")
    keys.press("Control+Enter")
    page.locator("#panel").get_by_text("Saved.").wait_for()

    keys.press("c")
    page.locator("#panel").get_by_text("Claim marked.").wait_for()
    keys.press("s")
    keys.type("TASS")
    page.get_by_role("button", name="Create “TASS” as a new organisation").wait_for()
    keys.press("ArrowDown")
    keys.press("ArrowDown")
    keys.press("Enter")
    keys.press("Tab")
    keys.press("Tab")
    keys.press("Enter")  # Enter in the channel field saves
    page.locator("#panel").get_by_text("Saved.").wait_for()
    page.reload()
    assert_two_speakers_saved(page, seed_article)

    keys.press("?")
    assert page.get_by_role("dialog", name="Keyboard shortcuts").is_visible()
    screenshot(page, "workspace_shortcuts")


def test_editor_annotates_without_javascript(browser, live_server, editor, seed_article):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "alice")
    page.goto(f"/articles/{seed_article.pk}/")
    row(page, "Andrii Yusov told Suspilne").get_by_role("button", name="Mark as claim").click()
    fill_yusov(page, javascript=False)
    page.locator("#panel").get_by_role("button", name="Save").click()
    assert page.get_by_text("Saved.").is_visible()
    assert_yusov_saved(seed_article)

    # Narrowing without a mouse selection: the exact words, typed into the panel's sentence tools.
    row(page, "Dmitry Peskov said").get_by_role("link", name="Sentence", exact=False).first.click()
    panel = page.locator("#panel")
    panel.get_by_label("Exact words (optional)").fill("Russia's Vladimir Putin had already been informed")
    panel.get_by_role("button", name="Mark words as claim").click()
    claim = Claim.objects.get(article=seed_article, start__gt=0, source__isnull=True)
    assert claim.text == "Russia's Vladimir Putin had already been informed"
    new_speaker(panel, "Dmitry Peskov", role="Kremlin spokesperson", javascript=False)
    panel.get_by_label("Channel").fill("TASS")
    panel.get_by_role("button", name="Save").click()
    assert Claim.objects.get(pk=claim.pk).source.name == "Dmitry Peskov"

    row(page, "Dmitry Peskov said").get_by_role("button", name="Mark as claim").click()
    new_speaker(panel, "TASS", kind="organisation", javascript=False)
    panel.get_by_role("button", name="Save").click()
    page.get_by_text("Saved.").wait_for()
    page.reload()
    assert_two_speakers_saved(page, seed_article)
    assert Label.objects.count() == 1
    screenshot(page, "workspace_no_js")
    context.close()


def test_speaker_type_ahead_picks_a_source_by_alias(page, editor, seed_article):
    yusov = Source.objects.create(name="Andrii Yusov", role="spokesperson")
    yusov.aliases.create(name="Yusov", name_folded="yusov")
    sign_in(page, "alice")
    page.goto(f"/articles/{seed_article.pk}/")
    said = row(page, "said Yusov")
    panel = mark(said)
    panel.get_by_label("Speaker").press_sequentially("yus")
    option = panel.get_by_role("button", name="Andrii Yusov")
    option.wait_for()
    assert_accessible(page)
    screenshot(page, "workspace_type_ahead")
    panel.get_by_label("Speaker").press("ArrowDown")
    page.keyboard.press("Enter")
    assert panel.get_by_label("Speaker").input_value() == "Andrii Yusov"
    panel.get_by_role("button", name="Save").click()
    panel.get_by_text("Saved.").wait_for()
    assert Claim.objects.get(article=seed_article).source == yusov
    assert speakers(said) == ["Andrii Yusov"]


def test_speaker_type_ahead_creates_a_new_organisation(page, editor, seed_article):
    sign_in(page, "alice")
    page.goto(f"/articles/{seed_article.pk}/")
    corps = row(page, "Earlier the same day")
    panel = mark(corps)
    speaker_is = panel.get_by_role("group", name="Speaker is")
    assert not speaker_is.is_visible()  # nothing to choose until the name is new
    panel.get_by_label("Speaker").press_sequentially("Russian Volunteer Corps")
    create = panel.get_by_role("button", name="Create “Russian Volunteer Corps” as a new organisation")
    create.wait_for()
    assert panel.get_by_text("No source is called “Russian Volunteer Corps” yet.").is_visible()
    assert_accessible(page)
    screenshot(page, "workspace_new_source_options", of=panel)
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page)
    screenshot(page, "workspace_new_source_options_narrow", of=panel)
    page.set_viewport_size({"width": 1280, "height": 900})

    panel.get_by_label("Speaker").press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert speaker_is.is_visible() and panel.get_by_label("A new organisation").is_checked()
    assert panel.get_by_label("Role or title").evaluate("(el) => el === document.activeElement")
    panel.get_by_label("An existing source").check()  # changed her mind: role and affiliation go away
    assert not panel.get_by_label("Role or title").is_visible()
    panel.get_by_label("A new organisation").check()
    panel.get_by_label("Role or title").fill("armed group")
    screenshot(page, "workspace_new_source_chosen", of=panel)
    panel.get_by_role("button", name="Save").click()
    panel.get_by_text("Saved.").wait_for()
    source = Claim.objects.get(article=seed_article).source
    assert (source.name, source.kind, source.role) == ("Russian Volunteer Corps", "organisation", "armed group")
    assert not speaker_is.is_visible()
    assert page.console_errors == []


@pytest.mark.parametrize("javascript", [True, False])
def test_a_sentence_link_opens_the_page_at_that_sentence(browser, live_server, editor, javascript):
    article = create_article(sentences=400, by=editor)
    deep = article.sentences.get(number=350)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    page = context.new_page()
    sign_in(page, "alice")
    page.goto(f"/articles/{article.pk}/?sentence={deep.pk}")
    row = page.locator(f"#sentence-{deep.pk}")
    row.get_by_role("button", name="Mark as claim").wait_for()  # the current row carries it
    assert page.get_by_role("button", name="Mark as claim").count() == 1
    box = row.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"], box  # scrolled to, with no #fragment
    assert row.get_by_role("link", name="Sentence 350").is_visible()
    context.close()
