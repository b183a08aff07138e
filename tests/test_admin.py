"""Every model is registered in the admin, and its list and search pages work."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tests.export_fixtures import annotated_seed


def test_every_claims_model_is_registered():
    models = set(apps.get_app_config("claims").get_models())
    assert models == {model for model in admin.site._registry if model._meta.app_label == "claims"}


@pytest.mark.parametrize("model", list(apps.get_app_config("claims").get_models()), ids=lambda m: m.__name__)
def test_admin_list_and_search_pages_load(client, admin_user, editor, reviewer, model, django_assert_max_num_queries):
    annotated_seed(editor, reviewer)
    client.force_login(admin_user)
    url = reverse(f"admin:claims_{model._meta.model_name}_changelist")
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200
    assert client.get(url, {"q": "Yusov"}).status_code == 200
