"""Every URL pattern × anonymous, outsider, editor, reviewer, admin → the expected status.

Generated from the URLconf: a URL without an expectation here fails test_every_url_has_an_expectation.
Each case runs on fresh data: an article whose claim carries a proposal by a fourth person."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from claims.models import Suggestion
from claims.permissions import EDITOR
from tests.factories import create_article, create_claim, create_label, create_source, create_user

PERSONAS = ["anonymous", "outsider", "editor", "reviewer", "admin"]

# name: (method, POST data, {persona: status}); a status not listed for a signed-in persona is 200.
LOGIN = 302  # anonymous visitors are sent to the login page
EXPECTED = {
    "login": ("get", None, {"anonymous": 200, "outsider": 302, "editor": 302, "reviewer": 302, "admin": 302}),
    "logout": ("post", {}, {"anonymous": 302, "outsider": 302, "editor": 302, "reviewer": 302, "admin": 302}),
    "article_list": ("get", None, {}),
    "article_import": ("get", None, {"outsider": 403}),
    "article_detail": ("get", None, {}),
    "article_activity": ("get", None, {"outsider": 302, "editor": 302, "reviewer": 302, "admin": 302}),
    "article_export": ("get", {"formats": "csv"}, {}),
    "articles_export": ("get", {"formats": "csv", "articles": "ARTICLE"}, {}),
    "workspace_panel": ("get", None, {"outsider": 302, "editor": 302, "reviewer": 302, "admin": 302}),
    "claim_mark": ("post", {}, {"outsider": 403, "editor": 302, "reviewer": 302, "admin": 302}),
    "claim_save": ("post", {"version": 1, "new_kind": "person"}, {"outsider": 403, "editor": 302, "reviewer": 302, "admin": 302}),
    "claim_remove": ("post", {"version": 1}, {"outsider": 403, "editor": 302, "reviewer": 302, "admin": 302}),
    "sentence_reviewed": ("post", {"reviewed": "1"}, {"outsider": 403, "editor": 302, "reviewer": 302, "admin": 302}),
    "sentence_split": ("post", {"before": "the bridge"}, {"outsider": 403, "editor": 302, "reviewer": 302, "admin": 302}),
    "sentence_merge": ("post", {}, {"outsider": 403, "editor": 302, "reviewer": 302, "admin": 302}),
    "suggestion_accept": ("post", {}, {"outsider": 403, "editor": 302, "reviewer": 302, "admin": 302}),
    "suggestion_dismiss": ("post", {}, {"outsider": 403, "editor": 302, "reviewer": 302, "admin": 302}),
    "suggestions_accept_speaker": ("post", {}, {"outsider": 403, "editor": 302, "reviewer": 302, "admin": 302}),
    "review_queue": ("get", None, {"outsider": 403}),
    "labels_approve": ("post", {"labels": "LABEL"}, {"outsider": 403, "editor": 403, "reviewer": 302, "admin": 302}),
    "label_approve": ("post", {}, {"outsider": 403, "editor": 403, "reviewer": 302, "admin": 302}),
    "label_reject": ("post", {"comment": "No."}, {"outsider": 403, "editor": 403, "reviewer": 302, "admin": 302}),
    "source_list": ("get", None, {}),
    "source_create": ("get", None, {"outsider": 403}),
    "source_search": ("get", None, {}),
    "source_detail": ("get", None, {}),
    "source_edit": ("get", None, {"outsider": 403}),
    "source_merge": ("post", {"target": "TARGET"}, {"outsider": 403, "editor": 302, "reviewer": 302, "admin": 302}),
    "dashboard": ("get", None, {}),
}


def project_patterns(patterns=None, prefix=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern) != "admin/":
                yield from project_patterns(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield entry


def test_every_url_has_an_expectation():
    names = {pattern.name for pattern in project_patterns()}
    assert names - set(EXPECTED) == set(), "add the new URL's expected statuses to EXPECTED"
    assert set(EXPECTED) - names == set(), "EXPECTED names a URL that no longer exists"


@pytest.fixture
def objects(db):
    proposer = create_user(username="frank", role=EDITOR)
    article = create_article(text="The mayor said the bridge would reopen on Monday. Critics disagreed.", by=proposer)
    sentence = article.sentences.get(number=1)
    claim = create_claim(sentence=article.sentences.get(number=2), by=proposer)
    label = create_label(claim=claim, by=proposer)
    suggestion = Suggestion.objects.create(
        article=article, sentence=sentence, start=sentence.start, end=sentence.end, source_text="The mayor",
        source_start=0, source_end=9, cue="said",
    )
    source = create_source(name="Mayor")
    target = create_source(name="The mayor")
    return {"article_id": article.pk, "sentence_id": sentence.pk, "claim_id": claim.pk, "label_id": label.pk,
            "source_id": source.pk, "LABEL": label.pk, "TARGET": target.pk, "ARTICLE": article.pk,
            "suggestion_id": suggestion.pk}


def sign_in(client, persona):
    if persona == "anonymous":
        return
    user = {
        "outsider": lambda: create_user(username="olga"),
        "editor": lambda: create_user(username="ed", role="editor"),
        "reviewer": lambda: create_user(username="rita", role="reviewer"),
        "admin": lambda: create_user(username="ada", is_superuser=True),
    }[persona]()
    client.force_login(user)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_permission_matrix(client, objects, name, persona):
    method, data, statuses = EXPECTED[name]
    pattern = next(p for p in project_patterns() if p.name == name)
    kwargs = {key: objects[key] for key in pattern.pattern.converters}
    url = reverse(name if name in ("login", "logout") else f"claims:{name}", kwargs=kwargs)
    if data is not None:
        data = {key: objects.get(value, value) for key, value in data.items()}
    sign_in(client, persona)
    response = client.post(url, data) if method == "post" else client.get(url, data)
    expected = statuses.get(persona, LOGIN if persona == "anonymous" else 200)
    assert response.status_code == expected, (name, persona, response.status_code)
    if persona == "anonymous" and name not in ("login", "logout"):
        assert response["Location"].startswith("/login/")
