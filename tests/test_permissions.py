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


def test_a_signed_in_user_comes_with_their_own_and_their_groups_permissions_in_one_query(
    editor, outsider, django_assert_num_queries
):
    editor.user_permissions.add(Permission.objects.get(codename="review_label"))
    with django_assert_num_queries(1):
        user = RolesBackend().get_user(str(editor.pk))  # as the session keeps it
        assert user == editor and user.has_perm("claims.review_label") and user.has_perm("claims.add_claim")
        assert not user.has_perm("auth.add_user")
    assert user.get_all_permissions() == ModelBackend().get_all_permissions(type(editor).objects.get(pk=editor.pk))
    fresh = type(editor).objects.get(pk=editor.pk)  # a user not read by get_user reads them the same way
    assert RolesBackend().get_all_permissions(fresh) == user.get_all_permissions()
    assert RolesBackend().get_user(outsider.pk).get_all_permissions() == set()


def test_inactive_missing_and_super_users(editor, admin_user):
    type(editor).objects.filter(pk=editor.pk).update(is_active=False)
    assert RolesBackend().get_user(editor.pk) is None and RolesBackend().get_user(999_999) is None
    assert RolesBackend().get_all_permissions(type(editor)(is_active=False)) == set()
    admin = RolesBackend().get_user(admin_user.pk)
    assert admin.has_perm("auth.add_user") and admin.has_perm("claims.review_label")
