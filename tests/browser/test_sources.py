import pytest
from playwright.sync_api import expect

from claims.models import Source, SourceAlias
from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.factories import create_article, create_claim, create_source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "Spokesperson Andrii Yusov told Suspilne that the fighting was over. "
    "Yusov said the group had withdrawn. The intelligence official added that no civilians were hurt."
)


def test_editor_finds_edits_and_merges_a_source(page, editor):
    yusov = create_source(name="Andrii Yusov", role="spokesperson", affiliation="Ukrainian military intelligence")
    SourceAlias.objects.create(source=yusov, name="the intelligence official")
    duplicate = create_source(name="Andriy Yusov", role="spokesman")
    create_source(name="Dmitry Peskov", role="Kremlin spokesman", affiliation="Russian presidency")
    create_source(name="Russian Volunteer Corps", kind=Source.Kind.ORGANISATION)
    article = create_article(text=TEXT, title="Fighting in Belgorod Oblast")
    first, second, third = article.sentences.all()
    create_claim(sentence=first, start=first.start + 45, end=first.end - 1, source=yusov, channel="Suspilne")
    create_claim(sentence=second, source=duplicate)
    create_claim(sentence=third, source=duplicate, channel="Hromadske")

    sign_in(page, "alice")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sources").click()
    page.wait_for_url("**/sources/")
    assert page.get_by_role("link", name="Dmitry Peskov").is_visible()
    assert_accessible(page)
    screenshot(page, "sources_list")

    # Searching by an alias, as the editor types.
    page.get_by_label("Search sources").fill("intelligence official")
    page.wait_for_function("() => document.querySelectorAll('#source-results tbody tr').length === 1")
    assert "q=intelligence" in page.url
    page.get_by_role("link", name="Andrii Yusov").click()
    page.wait_for_url(f"**/sources/{yusov.pk}/")
    assert page.get_by_role("heading", name="Andrii Yusov").is_visible()
    assert "the fighting was over" in page.locator(".source-claims").inner_text()

    # Editing: add an alias.
    page.get_by_role("link", name="Edit").click()
    page.wait_for_url(f"**/sources/{yusov.pk}/edit/")
    assert_accessible(page)
    aliases = page.get_by_label("Aliases")
    aliases.fill(aliases.input_value() + "\nYusov")
    screenshot(page, "source_edit")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    assert sorted(yusov.aliases.values_list("name", flat=True)) == ["Yusov", "the intelligence official"]
    page.get_by_role("link", name="Back to Andrii Yusov").click()

    # Merging the duplicate into it.
    page.goto(f"/sources/{duplicate.pk}/")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_label("Merge into").fill("Yusov")
    page.get_by_role("button", name="Andrii Yusov Person · spokesperson, Ukrainian military intelligence").click()
    expect(page.get_by_label("Merge into")).to_have_value("Andrii Yusov")
    expect(page.get_by_role("button", name="Merge")).to_be_focused()
    page.get_by_role("button", name="Merge").click()
    page.wait_for_url(f"**/sources/{yusov.pk}/")
    expect(page.get_by_role("status").first).to_contain_text("2 claims moved")
    claims = page.locator(".source-claims tbody tr")
    assert claims.count() == 3
    assert "Hromadske" in page.locator(".source-claims").inner_text()
    assert "Andriy Yusov" in page.locator(".source-chips").inner_text()
    assert_accessible(page)
    screenshot(page, "source_detail")
    assert Source.objects.get(pk=duplicate.pk).merged_into_id == yusov.pk

    # The same pages on a phone-sized window.
    page.set_viewport_size({"width": 420, "height": 900})
    page.goto("/sources/")
    assert_accessible(page)
    screenshot(page, "sources_list_narrow")
    page.goto(f"/sources/{yusov.pk}/")
    assert_accessible(page)
    screenshot(page, "source_detail_narrow")
    page.goto(f"/sources/{yusov.pk}/edit/")
    screenshot(page, "source_edit_narrow")
    assert page.console_errors == []
