"""A big import started in the browser: its page waits for the worker, shows a progress bar while the
worker reads it (htmx polling, or the page refreshing itself without JavaScript), then the article."""

import pytest

from claims.models import Article
from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.worker import WorkerThread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEARING = " ".join(f"Minister {n} said the bridge would reopen in {n % 9 + 2} weeks." for n in range(6000))


@pytest.fixture
def worker():
    thread = WorkerThread()
    yield thread
    thread.stop()


def start_big_import(page, title):
    page.get_by_label("Article text").fill(HEARING)
    page.get_by_text("Title, outlet, URL, date and language").click()
    page.get_by_label("Title").fill(title)
    page.get_by_role("button", name="Import article").click()
    page.wait_for_url("**/jobs/*/")


def test_a_big_import_shows_its_progress_then_the_article(page, editor, worker):
    sign_in(page, "alice")
    start_big_import(page, "Hearing")
    assert page.get_by_role("heading", name="Importing Hearing").is_visible()
    assert page.get_by_role("heading", name="Waiting for the worker").is_visible()
    assert_accessible(page)
    screenshot(page, "job_waiting")

    worker.start()
    bar = page.get_by_role("progressbar")
    bar.wait_for(timeout=30_000)
    # Reading and splitting come first, without counts; then the phase with its count, or the saving.
    page.get_by_text("Finding attributions:").or_(page.get_by_text("Saving")).first.wait_for(timeout=30_000)
    assert bar.is_visible()
    assert_accessible(page)
    screenshot(page, "job_running")
    page.set_viewport_size({"width": 390, "height": 800})
    screenshot(page, "job_running_phone")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")

    page.get_by_role("heading", name="Done").wait_for(timeout=60_000)
    assert page.get_by_text("6,000 sentences, 6,000 suggestions.").is_visible()
    assert_accessible(page)
    screenshot(page, "job_done_phone")
    page.get_by_role("link", name="Open the article").click()
    page.wait_for_url("**/articles/*/")
    assert page.get_by_role("heading", name="Hearing").is_visible()
    assert Article.objects.get().sentences.count() == 6000


def test_without_javascript_the_job_page_refreshes_itself_until_done(browser, live_server, editor, worker):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, "alice")
        start_big_import(page, "Hearing without scripts")
        assert page.get_by_role("heading", name="Waiting for the worker").is_visible()
        worker.start()
        page.get_by_role("heading", name="Done").wait_for(timeout=60_000)  # no click: the page reloaded itself
        page.get_by_role("link", name="Open the article").click()
        assert page.get_by_role("heading", name="Hearing without scripts").is_visible()
    finally:
        context.close()


def test_an_export_of_several_articles_is_zipped_in_the_background(page, editor, worker):
    from tests.factories import create_article

    for title in ("Ports", "Grain"):
        create_article(title=title, sentences=4)
    worker.start()
    sign_in(page, "alice")
    page.get_by_label("Select “Ports” for export").check()
    page.get_by_label("Select “Grain” for export").check()
    page.get_by_role("button", name="Export", exact=True).click()
    page.wait_for_url("**/jobs/*/")
    link = page.get_by_role("link", name="Download workbench-export.zip")
    link.wait_for(timeout=30_000)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "workbench-export.zip"
    page.get_by_role("link", name="Articles").first.click()
    assert page.get_by_role("link", name="Exporting 2 articles as html").is_visible()
    assert_accessible(page)
    screenshot(page, "article_list_with_jobs")
