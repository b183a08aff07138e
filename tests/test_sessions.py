"""claims.sessions: the database session store, read by a compiled query, keeps Django's meaning."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from claims.sessions import SessionStore


def test_a_stored_session_loads_and_an_expired_or_unknown_one_does_not(db):
    store = SessionStore()
    store["desk"] = "politics"
    store.save()
    assert SessionStore(store.session_key).load() == {"desk": "politics"}
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    expired = SessionStore(store.session_key)
    assert expired.load() == {} and expired.session_key is None
    assert SessionStore("no-such-session-key-0123456789ab").load() == {}


def test_a_signed_in_editor_is_signed_out_when_their_session_expires(client, editor):
    client.force_login(editor)
    assert client.get(reverse("claims:article_list")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(minutes=1))
    response = client.get(reverse("claims:article_list"))
    assert response.status_code == 302 and response["Location"].startswith("/login/")
