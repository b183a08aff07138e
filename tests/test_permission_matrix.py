"""Every URL pattern × GET and POST × anonymous, outsider, editor, reviewer, admin → the status and the effect.

Generated from the URLconf: a URL without an expectation here fails test_every_url_has_an_expectation, and
each URL is tried with both methods; a method its row does not list must answer 405.
A request that is refused (anonymous → the login page, wrong role → 403, wrong method → 405) or only reads
must leave every workbench row as it was, history included. An allowed action must make the change it
promises and append exactly the history rows it names, each by the person who asked. The status alone
cannot tell these apart: a refused POST and a successful one may both answer 302.
Each case runs on fresh data (see `objects`)."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from claims.models import (
    Article,
    Claim,
    HistoryEntry,
    Job,
    Label,
    PriorCheck,
    Publication,
    Sentence,
    Session,
    Source,
    Suggestion,
)
from claims.permissions import EDITOR, REVIEWER
from tests.factories import create_article, create_claim, create_label, create_source, create_user

PERSONAS = ["anonymous", "outsider", "editor", "reviewer", "admin"]
METHODS = ["get", "post"]
LOGIN = "login"  # 302 to the login page
REFUSED = {LOGIN, 403, 405}
PROJECT_URLS = (
    "login",
    "logout",
    "healthz",
    "password_change",
    "password_change_done",
)  # the rest are the claims app's
THIRD_SENTENCE = "The mayor added that it was safe."
MARKED = "the bridge would reopen on Monday"


def answers(anonymous=LOGIN, *, outsider=200, editor=200, reviewer=200, admin=200):
    return {"anonymous": anonymous, "outsider": outsider, "editor": editor, "reviewer": reviewer, "admin": admin}


READ = answers()
EDITING = answers(outsider=403, editor=302, reviewer=302, admin=302)
REVIEWING = answers(outsider=403, editor=403, reviewer=302, admin=302)
EDITORS_READ = answers(outsider=403)
# Signed-in users are sent on: a fragment URL to its page, logout to the login page.
SENT_ON = answers(outsider=302, editor=302, reviewer=302, admin=302)


@dataclass(frozen=True)
class Case:
    statuses: dict
    data: Callable = lambda o: {}
    # effect(o, user) asserts what an allowed request changed and returns the history it promises,
    # as (action, object) pairs; None for a request that changes nothing.
    effect: Callable | None = None


WRONG_METHOD = Case(answers(outsider=405, editor=405, reviewer=405, admin=405))
WRONG_METHOD_FOR_ALL = Case(answers(405, outsider=405, editor=405, reviewer=405, admin=405))  # a public URL


def new(model, *, known=()):
    """The one row of `model` the request created."""
    return model.objects.exclude(pk__in=[obj.pk for obj in known]).get()


def claim_marked(o, user):
    claim = new(Claim, known=[o.claim, o.earlier])
    assert (claim.sentence, claim.text, claim.origin, claim.created_by) == (o.sentence, MARKED, "manual", user)
    return [("created", claim)]


def claim_saved(o, user):
    claim = Claim.objects.get(pk=o.claim.pk)
    assert (claim.source, claim.channel, claim.cue, claim.version) == (o.target, "on Telegram", "said", 2)
    withdrawn = Label.objects.get(pk=o.label.pk)
    assert withdrawn.status == Label.Status.WITHDRAWN
    proposed = claim.labels.get(status=Label.Status.PROPOSED)
    assert (proposed.verdict, proposed.rationale, proposed.proposed_by) == ("denied", "The council disagrees.", user)
    # The new proposal's entry tells of the one it replaced, which gets none of its own.
    return [("updated", claim), ("proposed", proposed)]


def claim_removed(o, user):
    claim = Claim.objects.get(pk=o.claim.pk)
    assert claim.removed_at is not None and claim.removed_by == user
    withdrawn = Label.objects.get(pk=o.label.pk)
    assert withdrawn.status == Label.Status.WITHDRAWN
    return [("removed", claim), ("withdrawn", withdrawn)]


def sentence_ticked(o, user):
    assert Sentence.objects.get(pk=o.sentence.pk).reviewed
    return [("updated", o.sentence)]


def sentences(article):
    return [sentence.text for sentence in article.sentences.select_related("article")]


def sentence_split_in_two(o, user):
    assert sentences(o.article) == [
        "The mayor said",
        "the bridge would reopen on Monday.",
        "Critics disagreed.",
        THIRD_SENTENCE,
    ]
    return [("split", o.sentence)]


def sentences_merged(o, user):
    assert sentences(o.article) == [
        "The mayor said the bridge would reopen on Monday. Critics disagreed.",
        THIRD_SENTENCE,
    ]
    assert Claim.objects.get(pk=o.claim.pk).sentence_id == o.sentence.pk
    return [("merged", o.sentence)]


def accepted(suggestion, user):
    """The suggestion is accepted by `user` as a claim of its span, spoken by the registry's "The mayor"."""
    suggestion = Suggestion.objects.select_related("claim").get(pk=suggestion.pk)
    claim = suggestion.claim
    assert (suggestion.status, suggestion.decided_by) == (Suggestion.Status.ACCEPTED, user)
    assert (claim.start, claim.end) == (suggestion.start, suggestion.end)
    assert (claim.source.name, claim.origin, claim.created_by) == ("The mayor", "suggestion", user)
    return claim


def suggestion_accepted(o, user):
    claim = accepted(o.suggestion, user)
    assert Suggestion.objects.get(pk=o.later_suggestion.pk).status == Suggestion.Status.PENDING
    return [("created", claim)]


def suggestion_dismissed(o, user):
    suggestion = Suggestion.objects.get(pk=o.suggestion.pk)
    assert (suggestion.status, suggestion.decided_by, suggestion.claim) == (Suggestion.Status.DISMISSED, user, None)
    assert list(Claim.objects.exclude(pk=o.earlier.pk)) == [o.claim]
    return [("removed", suggestion)]


def speaker_accepted(o, user):
    return [("created", accepted(o.suggestion, user)), ("created", accepted(o.later_suggestion, user))]


def label_decided(status, comment):
    def effect(o, user):
        label = Label.objects.get(pk=o.label.pk)
        assert (label.status, label.reviewed_by, label.review_comment) == (status, user, comment)
        assert label.reviewed_at is not None
        return [(status, label)]

    return effect


def source_created(o, user):
    source = new(Source, known=[o.source, o.target])
    assert (source.name, source.role, source.created_by) == ("Andrii Yusov", "spokesperson", user)
    assert [alias.name for alias in source.aliases.all()] == ["Yusov"]
    return [("created", source)]


def source_edited(o, user):
    source = Source.objects.get(pk=o.source.pk)
    assert (source.name, source.role, source.affiliation, source.version) == ("Mayor of Belgorod", "mayor", "City", 2)
    return [("updated", source)]


def source_merged(o, user):
    assert Source.objects.get(pk=o.source.pk).merged_into == o.target
    assert Claim.objects.get(pk=o.claim.pk).source == o.target
    assert [alias.name for alias in o.target.aliases.all()] == ["Mayor"]
    return [("merged", o.source), ("merged", o.target), ("updated", o.claim)]


def article_imported(o, user):
    article = new(Article, known=[o.article, o.earlier.article])
    assert (article.title, article.text, article.imported_by) == ("Talks", "Kyiv said the talks had ended.", user)
    assert sentences(article) == ["Kyiv said the talks had ended."]
    return [("imported", article)]


def verdict_reused(o, user):
    proposed = Claim.objects.get(pk=o.claim.pk).labels.get(status=Label.Status.PROPOSED)
    assert (proposed.verdict, proposed.reused_from, proposed.proposed_by) == ("denied", o.prior.label, user)
    return [("proposed", proposed)]


def unpublished(o, user):
    publication = Publication.objects.get(pk=o.publication.pk)
    assert publication.withdrawn_at is not None
    return [("unpublished", publication)]


def suggestions_queued(o, user):
    job = new(Job, known=[o.job])
    assert (job.kind, job.status, job.article, job.started_by) == ("suggest", "pending", o.article, user)
    return []


def signed_out(o, user):
    # Signing out is not workbench history; its effect is that the session no longer names the user.
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)]
    return []


SOURCE_FORM = {"kind": "person", "affiliation": "", "notes": ""}

# name: {method: Case}; a method not listed answers 405 (anonymous visitors: the login page) and changes nothing.
EXPECTED = {
    "login": {
        "get": Case(answers(200, outsider=302, editor=302, reviewer=302, admin=302)),
        # No credentials: the form again, with its errors, for visitors; signed-in users are sent on.
        "post": Case(answers(200, outsider=302, editor=302, reviewer=302, admin=302)),
    },
    "logout": {"post": Case(SENT_ON, effect=signed_out)},
    # Everyone signed in changes their own password; without the old one (no data here), nothing changes.
    "password_change": {"get": Case(READ), "post": Case(READ)},
    "password_change_done": {"get": Case(READ)},
    # For the load balancer: no login, only reads.
    "healthz": {
        "get": Case(answers(200)),
        "post": Case(answers(405, outsider=405, editor=405, reviewer=405, admin=405)),
    },
    "article_list": {"get": Case(READ)},
    "article_import": {
        "get": Case(EDITORS_READ),
        "post": Case(
            EDITING,
            lambda o: {"text": "Kyiv said the talks had ended.", "format": "auto", "title": "Talks", "language": "en"},
            article_imported,
        ),
    },
    "article_detail": {"get": Case(READ)},
    "article_activity": {"get": Case(SENT_ON)},
    "article_export": {"get": Case(READ, lambda o: {"formats": "csv"})},
    "articles_export": {"post": Case(READ, lambda o: {"formats": "csv", "articles": o.article.pk})},
    "suggestions_run": {"post": Case(EDITING, effect=suggestions_queued)},
    # Only the starter sees a job (tests/views/test_jobs.py); everyone else, admins included, gets 404.
    "job_detail": {"get": Case(answers(outsider=404, editor=404, reviewer=404, admin=404))},
    "job_download": {"get": Case(answers(outsider=404, editor=404, reviewer=404, admin=404))},
    "job_retry": {"post": Case(answers(outsider=404, editor=404, reviewer=404, admin=404))},
    # The fixture's article is published: Publish refuses (changing nothing), Unpublish takes it down.
    "article_publish": {"post": Case(REVIEWING)},
    "article_unpublish": {"post": Case(REVIEWING, effect=unpublished)},
    "public_text": {"get": Case(answers(200)), "post": WRONG_METHOD_FOR_ALL},
    "article_annotations": {"get": Case(READ)},
    "search": {"get": Case(READ, lambda o: {"q": "mayor"})},
    "public_page": {
        "get": Case(answers(200)),
        "post": Case(answers(405, outsider=405, editor=405, reviewer=405, admin=405)),
    },
    "workspace_panel": {"get": Case(SENT_ON)},
    "claim_mark": {"post": Case(EDITING, lambda o: {"quote": MARKED}, claim_marked)},
    "claim_save": {
        "post": Case(
            EDITING,
            lambda o: {
                "version": o.claim.version,
                "speaker": "The mayor",
                "channel": "on Telegram",
                "cue": "said",
                "verdict": "denied",
                "rationale": "The council disagrees.",
            },
            claim_saved,
        )
    },
    "claim_reuse": {"post": Case(EDITING, lambda o: {"version": o.claim.version}, verdict_reused)},
    "claim_remove": {"post": Case(EDITING, lambda o: {"version": o.claim.version}, claim_removed)},
    "sentence_reviewed": {"post": Case(EDITING, lambda o: {"reviewed": "1"}, sentence_ticked)},
    "sentence_split": {"post": Case(EDITING, lambda o: {"before": "the bridge"}, sentence_split_in_two)},
    "sentence_merge": {"post": Case(EDITING, effect=sentences_merged)},
    "suggestion_accept": {"post": Case(EDITING, effect=suggestion_accepted)},
    "suggestion_dismiss": {"post": Case(EDITING, effect=suggestion_dismissed)},
    "suggestions_accept_speaker": {"post": Case(EDITING, effect=speaker_accepted)},
    "review_queue": {"get": Case(EDITORS_READ)},
    "labels_approve": {"post": Case(REVIEWING, lambda o: {"labels": [o.label.pk]}, label_decided("approved", ""))},
    "label_approve": {"post": Case(REVIEWING, lambda o: {"comment": "Sound."}, label_decided("approved", "Sound."))},
    "label_reject": {"post": Case(REVIEWING, lambda o: {"comment": "No."}, label_decided("rejected", "No."))},
    "source_list": {"get": Case(READ)},
    "source_create": {
        "get": Case(EDITORS_READ),
        "post": Case(
            EDITING,
            lambda o: {**SOURCE_FORM, "name": "Andrii Yusov", "role": "spokesperson", "aliases": "Yusov"},
            source_created,
        ),
    },
    "source_search": {"get": Case(READ, lambda o: {"q": "may"})},
    "source_detail": {"get": Case(READ)},
    "source_edit": {
        "get": Case(EDITORS_READ),
        "post": Case(
            EDITING,
            lambda o: {
                **SOURCE_FORM,
                "name": "Mayor of Belgorod",
                "role": "mayor",
                "affiliation": "City",
                "version": o.source.version,
            },
            source_edited,
        ),
    },
    "source_merge": {"post": Case(EDITING, lambda o: {"target": o.target.pk}, source_merged)},
    "dashboard": {"get": Case(READ)},
}


def case_for(name, method):
    """The row's case; for a method it does not list, the wrong-method case sent with the row's own
    payload, so a lost method guard would do the work and show it."""
    listed = EXPECTED[name]
    if method in listed:
        return listed[method]
    return replace(WRONG_METHOD, data=next(iter(listed.values())).data)


def project_patterns(patterns=None):
    """Every URL pattern of the project, the admin site's apart (it has its own staff sign-in)."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern) != "admin/":
                yield from project_patterns(entry.url_patterns)
        elif isinstance(entry, URLPattern):
            yield entry


def test_every_url_has_an_expectation():
    names = {pattern.name for pattern in project_patterns()}
    assert names - set(EXPECTED) == set(), "add the new URL's expected statuses to EXPECTED"
    assert set(EXPECTED) - names == set(), "EXPECTED names a URL that no longer exists"


@pytest.fixture
def objects(db):
    """An article of three sentences in one paragraph; on the second, a claim by Mayor with a proposal
    by a fourth person; suggestions naming "The mayor" on the first and third; two sources."""
    proposer = create_user(username="frank", role=EDITOR)
    article = create_article(
        text=f"The mayor said the bridge would reopen on Monday. Critics disagreed. {THIRD_SENTENCE}", by=proposer
    )
    first, second, third = article.sentences.all()
    source, target = create_source(name="Mayor"), create_source(name="The mayor")
    claim = create_claim(sentence=second, source=source, by=proposer)
    label = create_label(claim=claim, by=proposer)
    suggestions = [
        Suggestion.objects.create(
            article=article,
            sentence=sentence,
            start=sentence.start,
            end=sentence.end,
            source_text="The mayor",
            source_start=sentence.start,
            source_end=sentence.start + 9,
            cue=cue,
        )
        for sentence, cue in ((first, "said"), (third, "added"))
    ]
    # A finished export of the proposer's, which failed and may be retried: nobody else may touch it.
    job = Job.objects.create(
        kind="export", status="failed", can_retry=True, title="Exporting", started_by=proposer, result=b"PK"
    )
    pat = create_user(username="pat", role=REVIEWER)
    publication = Publication.publish(article, by=pat)
    # Checked before: the same claim, approved in another article.
    earlier_article = create_article(text="The mayor said the bridge would reopen on Monday.", title="Earlier")
    earlier = create_claim(sentence=earlier_article.sentences.get(), by=proposer)
    approved = create_label(
        claim=earlier, by=proposer, verdict="denied", status="approved", reviewed_by=pat, reviewed_at=earlier.created_at
    )
    prior = PriorCheck.objects.create(claim=claim, earlier=earlier, label=approved, text="The mayor said...", score=1)
    return SimpleNamespace(
        prior=prior,
        earlier=earlier,
        publication=publication,
        slug=publication.slug,
        job=job,
        article=article,
        sentence=first,
        claim=claim,
        label=label,
        suggestion=suggestions[0],
        later_suggestion=suggestions[1],
        source=source,
        target=target,
    )


def sign_in(client, persona):
    if persona == "anonymous":
        return None
    user = {
        "outsider": lambda: create_user(username="olga"),
        "editor": lambda: create_user(username="ed", role="editor"),
        "reviewer": lambda: create_user(username="rita", role="reviewer"),
        "admin": lambda: create_user(username="ada", is_superuser=True),
    }[persona]()
    client.force_login(user)
    return user


def workbench_rows():
    """Every row of every workbench model, history included, as comparable values."""
    models = apps.get_app_config("claims").get_models()
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in models}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name, method", [(name, method) for name in sorted(EXPECTED) for method in METHODS])
def test_permission_matrix(client, objects, name, method, persona):
    case = case_for(name, method)
    pattern = next(p for p in project_patterns() if p.name == name)
    # URL keywords name the objects: article_id → objects.article.pk; slug → objects.slug.
    kwargs = {
        key: getattr(objects, key.removesuffix("_id")).pk if key.endswith("_id") else getattr(objects, key)
        for key in pattern.pattern.converters
    }
    url = reverse(name if name in PROJECT_URLS else f"claims:{name}", kwargs=kwargs)
    user = sign_in(client, persona)
    before = workbench_rows()

    response = getattr(client, method)(url, case.data(objects))

    expected = case.statuses[persona]
    assert response.status_code == (302 if expected == LOGIN else expected), (name, method, persona)
    if expected == LOGIN:
        assert response["Location"].startswith("/login/")
    if case.effect is None or expected in REFUSED:
        assert workbench_rows() == before, f"{method.upper()} {name} by {persona} changed the database"
        return
    promised = case.effect(objects, user)
    written = HistoryEntry.objects.exclude(pk__in=[row["id"] for row in before["HistoryEntry"]])
    recorded = sorted((entry.action, entry.object_type, entry.object_id, entry.actor_id) for entry in written)
    assert recorded == sorted((action, obj._meta.model_name, obj.pk, user.pk) for action, obj in promised)
