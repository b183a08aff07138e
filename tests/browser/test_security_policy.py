"""The Content-Security-Policy holds in the browser: an inline script or style attribute slipped into a
page does not run, and Chromium reports it (the page fixture fails any test that sees such a report)."""

import pytest

from tests.browser.conftest import csp_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_inline_script_and_style_are_refused_and_reported(page, editor):
    sign_in(page, "alice")
    page.evaluate(
        """() => {
            document.body.insertAdjacentHTML("beforeend", '<p id="styled" style="color: rgb(255, 0, 0)">x</p>');
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_timeout(100)
    assert page.evaluate("getComputedStyle(document.getElementById('styled')).color") != "rgb(255, 0, 0)"
    assert page.evaluate("window.injected") is None
    reported = csp_violations(page)
    assert any("style" in error for error in reported) and any("script" in error for error in reported)
    page.console_errors.clear()  # seen and expected; the fixture checks for any other
