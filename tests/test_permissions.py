"""Object helpers check the user: every signed-in, active user reads every article; only annotators edit claims."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AnonymousUser, Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404

from claims.auth_backend import RolesBackend
from claims.permissions import get_article_for_user, get_claim_for_editing
from tests.factories import create_article, create_claim, create_user


@pytest.fixture
def claim(db):
    return create_claim(sentence=create_article(sentences=2).sentences.first())


def test_every_active_user_reads_every_article(claim, outsider, editor):
    assert get_article_for_user(outsider, claim.article_id) == claim.article
    assert get_article_for_user(editor, claim.article_id) == claim.article


@pytest.mark.parametrize("user", ["anonymous", "inactive"])
def test_nobody_else_learns_that_an_article_or_claim_exists(claim, user):
    user = AnonymousUser() if user == "anonymous" else create_user(username="gone", role="editor")
    if user.is_authenticated:
        user.is_active = False
        user.save()
    with pytest.raises(Http404):
        get_article_for_user(user, claim.article_id)
    with pytest.raises(Http404):
        get_claim_for_editing(user, claim.pk)


def test_a_missing_article_is_404(db, editor):
    with pytest.raises(Http404):
        get_article_for_user(editor, 999)


def test_only_annotators_get_a_claim_to_edit(claim, outsider, editor):
    with pytest.raises(PermissionDenied):
        get_claim_for_editing(outsider, claim.pk)
    edited = get_claim_for_editing(editor, claim.pk)
    assert edited == claim and edited.sentence.article == claim.article


def test_a_users_permissions_are_their_own_and_their_groups_read_in_one_query(editor, django_assert_num_queries):
    editor.user_permissions.add(Permission.objects.get(codename="review_label"))
    editor = type(editor).objects.get(pk=editor.pk)
    with django_assert_num_queries(1):
        granted = RolesBackend().get_all_permissions(editor)
        assert editor.has_perm("claims.review_label") and editor.has_perm("claims.add_claim")
    assert granted == ModelBackend().get_all_permissions(type(editor).objects.get(pk=editor.pk))
    assert "claims.review_label" in granted and not editor.has_perm("auth.add_user")
    assert RolesBackend().get_all_permissions(type(editor)(is_active=False)) == set()
