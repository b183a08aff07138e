"""Private by default, around the permission matrix: the matrix holds the anonymous column (every project
URL, GET and POST, sends an anonymous visitor to the login page); here, the admin site it leaves out and
the URL walk it is generated from."""

import pytest

from claims import urls as claims_urls
from tests.test_permission_matrix import project_patterns


@pytest.mark.django_db
def test_admin_requires_staff_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_walk_covers_the_app():
    # A walk that missed an include would shrink the matrix without failing it.
    names = [pattern.name for pattern in project_patterns()]
    assert {pattern.name for pattern in claims_urls.urlpatterns} | {"login", "logout"} <= set(names)
    assert len(names) == len(set(names)), "the walk must not reach the admin site, whose names repeat ours"
