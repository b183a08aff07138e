"""Playwright driving Debian's chromium against pytest-django's live server."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from claims.models import SourceKind
from tests.conftest import CHROMIUM

# Playwright's sync API runs an event loop in this thread; the ORM calls in tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(_said(message)))
    yield page
    context.close()
    # The Content-Security-Policy is enforced here as in production; Chromium reports each violation.
    assert not csp_violations(page), csp_violations(page)


def _said(message):
    """A console message with where it came from (a CSP report names the page line that broke it)."""
    where = message.location or {}
    return f"{message.text} ({where.get('url', '?')}:{where.get('lineNumber', '?')})"


def csp_violations(page):
    return [error for error in page.console_errors if "Content Security Policy" in error]


def sign_in(page, username, password="password-for-tests"):
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def screenshot(page, name, *, of=None):
    """The whole page, or only the element located by `of`."""
    SCREENSHOTS.mkdir(exist_ok=True)
    if of is None:
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    else:
        of.screenshot(path=SCREENSHOTS / f"{name}.png")


def assert_accessible(page):
    """axe-core finds no serious or critical violation on the current page."""
    results = Axe().run(page)
    severe = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not severe, [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in severe]


def new_speaker(panel, name, *, kind="person", role="", affiliation="", javascript=True):
    """Fill the claim form's Speaker with a source the registry does not know yet: with JavaScript, by
    choosing "Create “name” as a new <kind>" in the type-ahead; without, Save refuses the name and offers
    the same choice under "Speaker is"."""
    label = SourceKind(kind).label.lower()
    panel.get_by_label("Speaker").fill(name)
    if javascript:
        panel.get_by_role("button", name=f"Create “{name}” as a new {label}").click()
    else:
        panel.get_by_role("button", name="Save").click()
        panel.get_by_text(f"No source is called “{name}” yet.").wait_for()
        panel.get_by_label(f"A new {label}").check()
    panel.get_by_label("Role or title").fill(role)
    panel.get_by_label("Affiliation").fill(affiliation)
