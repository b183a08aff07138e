"""Private by default: every URL pattern sends an anonymous visitor to the login page."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

# Patterns that must stay reachable without signing in.
PUBLIC = {"login"}


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.name


def concrete(route):
    """A real path for a route: converters and regex groups replaced by sample values."""
    route = re.sub(r"<int:\w+>", "1", route)
    route = re.sub(r"<(?:str|slug|path:)?\w*:?\w+>", "x", route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "x", route)
    return "/" + route.lstrip("^").rstrip("$").replace("\\", "")


def project_routes():
    return [(route, name) for route, name in walk(get_resolver().url_patterns) if not route.startswith("admin/")]


@pytest.mark.parametrize("route, name", project_routes())
@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_login(client, route, name):
    if name in PUBLIC:
        assert client.get(concrete(route)).status_code == 200
        return
    for method in (client.get, client.post):
        response = method(concrete(route))
        assert response.status_code == 302, (route, response.status_code)
        assert response["Location"].startswith("/login/"), route


@pytest.mark.django_db
def test_admin_requires_staff_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_walk_covers_the_app():
    names = {name for _, name in project_routes()}
    assert {"article_list", "article_import", "article_detail", "login", "logout"} <= names
