"""Signing in: five failures for one username from one address pause signing in there, even with the right
password, until the cool-off passes; the right password clears the count."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

PASSWORD = "a long desk password"


@pytest.fixture
def alice(editor):
    editor.set_password(PASSWORD)
    editor.save()
    return editor


def sign_in(client, password, *, username="alice", address="192.0.2.10"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session


def test_five_failures_pause_signing_in_even_with_the_right_password(client, alice):
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with its error
    response = sign_in(client, "wrong")
    assert response.status_code == 429 and "Sign-in paused" in response.content.decode()
    response = sign_in(client, PASSWORD)
    body = response.content.decode()
    assert response.status_code == 429 and not signed_in(client)
    assert "5 failed attempts to sign in as <strong>alice</strong>" in body and "15\xa0minutes" in body


def test_the_pause_is_for_that_username_from_that_address_only(client, alice, second_editor):
    for _ in range(5):
        sign_in(client, "wrong")
    assert sign_in(client, "wrong", username="bob").status_code == 200  # another account: a plain failure
    assert sign_in(client, PASSWORD, address="198.51.100.7").status_code == 302 and signed_in(client)


def test_the_pause_ends_after_the_cool_off(client, alice):
    for _ in range(5):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 429
    past = settings.AXES_COOLOFF_TIME + timedelta(seconds=1)
    for attempt in AccessAttempt.objects.all():  # as if the failures were that long ago
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=attempt.attempt_time - past)
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)
    assert signed_in(client)


def test_signing_in_clears_the_failures(client, alice):
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 302 and signed_in(client)


def test_a_user_changes_their_own_password_and_their_other_sessions_end(client, alice):
    from django.test import Client

    elsewhere = Client()
    elsewhere.force_login(alice)
    client.force_login(alice)
    page = client.get(reverse("password_change"))
    assert page.status_code == 200 and "Change your password" in page.content.decode()
    new = "another long desk password"
    data = {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    response = client.post(reverse("password_change"), data)
    assert response.status_code == 302 and response["Location"] == reverse("password_change_done")
    alice.refresh_from_db()
    assert alice.check_password(new) and signed_in(client)
    assert elsewhere.get(reverse("claims:article_list")).status_code == 302  # signed out there


def test_a_wrong_old_password_changes_nothing(client, alice):
    client.force_login(alice)
    new = "another long desk password"
    data = {"old_password": "wrong", "new_password1": new, "new_password2": new}
    response = client.post(reverse("password_change"), data)
    assert response.status_code == 200 and "Your old password was entered incorrectly" in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
