"""claims.sessions: the database session store, read by a compiled query, keeps Django's meaning."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from claims.models import Session
from claims.sessions import SessionStore
from tests.factories import create_article, create_claim, create_label


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


def test_a_session_names_its_user_and_is_read_with_them_in_one_query(client, editor, django_assert_num_queries):
    client.force_login(editor)
    session = Session.objects.get()
    assert session.user_id == editor.pk
    from claims.sessions import LIVE

    with django_assert_num_queries(1):
        (read,) = LIVE.objects(key=session.session_key)
    assert read.user == editor and "claims.add_claim" in read.permission_names.split(",")


def test_the_user_read_with_the_session_is_the_one_the_request_runs_as(client, editor, second_editor, reviewer):
    article = create_article(sentences=2)
    label = create_label(claim=create_claim(sentence=article.sentences.first()), by=second_editor)
    url = reverse("claims:label_approve", args=[label.pk])
    client.force_login(editor)
    assert client.post(url, {"comment": ""}).status_code == 403  # an editor's permissions came with the session
    label.refresh_from_db()
    assert label.status == "proposed"
    client.force_login(reviewer)
    client.post(url, {"comment": ""})
    label.refresh_from_db()
    assert label.status == "approved" and label.reviewed_by == reviewer


def test_an_admin_ends_a_session_and_that_browser_is_signed_out(client, admin_user, editor):
    from django.test import Client

    browser = Client()
    browser.force_login(editor)
    assert browser.get(reverse("claims:article_list")).status_code == 200
    client.force_login(admin_user)
    (session,) = Session.objects.filter(user=editor)
    url = reverse("admin:claims_session_delete", args=[session.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Session.objects.filter(user=editor).exists()
    response = browser.get(reverse("claims:article_list"))
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_clearsessions_removes_the_expired_sessions_only(client, editor, second_editor):
    from django.core.management import call_command
    from django.test import Client

    client.force_login(editor)
    Client().force_login(second_editor)
    assert Session.objects.count() == 2
    Session.objects.filter(user=editor).update(expire_date=timezone.now() - timedelta(minutes=1))
    call_command("clearsessions")
    assert list(Session.objects.values_list("user", flat=True)) == [second_editor.pk]
