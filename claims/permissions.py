"""Roles, role predicates and view decorators. Templates may hide a button; these enforce the rule."""

from functools import wraps

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from .compiled import Compiled
from .models import Article, Claim
from .models.claims import give_labels, labels_prefetch

EDITOR = "editor"
REVIEWER = "reviewer"
ADMIN = "admin"

# One model per line.
_EDITING = (
    "add_article view_article "
    "add_sentence change_sentence view_sentence "
    "add_claim change_claim view_claim "
    "add_label change_label view_label "
    "add_source change_source view_source "
    "add_sourcealias change_sourcealias delete_sourcealias view_sourcealias "
    "view_historyentry"
).split()
ROLE_PERMISSIONS = {EDITOR: _EDITING, REVIEWER: _EDITING + ["review_label"]}
# Admins may do everything in the workbench (sources included) and manage users.
ADMIN_APPS = ["claims"]
ADMIN_EXTRA = [("auth", codename) for codename in ("add_user", "change_user", "view_user", "view_group")]


def ensure_roles(**kwargs):
    """Create the role groups with their permissions (run after every migrate)."""
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(Permission.objects.filter(content_type__app_label="claims", codename__in=codenames))
    admin, _ = Group.objects.get_or_create(name=ADMIN)
    extra = Q()
    for app, codename in ADMIN_EXTRA:
        extra |= Q(content_type__app_label=app, codename=codename)
    admin.permissions.set(Permission.objects.filter(Q(content_type__app_label__in=ADMIN_APPS) | extra))


def can_import(user):
    return user.has_perm("claims.add_article")


def permission_required(codename):
    """Refuse with 403 unless the signed-in user holds the claims permission."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.has_perm(f"claims.{codename}"):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def can_read(user):
    """Every signed-in, active user may read (and export) every article, its claims and its history."""
    return user.is_authenticated and user.is_active


def get_article_for_user(user, article_id):
    """The article, for a user who may read it (can_read); 404 when it does not exist or they may not,
    so that nobody learns which articles exist without being allowed to read them."""
    if not can_read(user):
        raise Http404("No such article.")
    return _ARTICLE.one_or_404("No such article.", pk=int(article_id))


# The reads every workspace request starts with, compiled once (claims.compiled).
_ARTICLE = Compiled(lambda pk: Article.objects.select_related("publication").filter(pk=pk), pk=int)
# Labels without their people: an edit reads only the current one's verdict and state. Of the article's
# text, only the claim's sentence (see Article.passage).
_CLAIM_FOR_EDITING = Compiled(
    lambda pk: (
        Claim.objects.active().select_related("article", "sentence", "source").defer("article__text").filter(pk=pk)
    ),
    pk=int,
)
_CLAIM_LABELS = Compiled(lambda claim: labels_prefetch(Claim, people=False).queryset.filter(claim_id=claim), claim=int)


def can_annotate(user):
    return user.has_perm("claims.add_claim") and user.has_perm("claims.change_claim")


def get_claim_for_editing(user, claim_id):
    """An active claim with its article, sentence, speaker and labels; 404 if there is none or the user
    may not read it (can_read), 403 if they may read it but not change claims."""
    if not can_read(user):
        raise Http404("No such claim.")
    claim = _CLAIM_FOR_EDITING.one_or_404("No such claim.", pk=int(claim_id))
    if not can_annotate(user):
        raise PermissionDenied
    give_labels(claim, _CLAIM_LABELS.objects(claim=claim.pk))
    claim.article.passage = (claim.sentence.start, claim.sentence.text)
    claim.sentence.article = claim.article
    return claim
