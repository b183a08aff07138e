"""Export downloads from the article page and the article list."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from claims.models import Job
from tests.export_fixtures import annotated_seed
from tests.factories import create_article
from tests.worker import run_queued_tasks


@pytest.fixture
def seed(editor, reviewer):
    return annotated_seed(editor, reviewer)[0]


def test_anyone_signed_in_downloads_one_article(client, outsider, seed):
    client.force_login(outsider)
    response = client.get(reverse("claims:article_export", args=[seed.pk]), {"formats": "json"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="armed-russian-groups-start-combat')
    assert disposition.endswith(f'-{seed.pk}.json"')
    assert json.loads(response.content)["article"]["title"] == seed.title


def test_scope_chooses_approved_only_or_all(client, editor, seed):
    client.force_login(editor)
    url = reverse("claims:article_export", args=[seed.pk])
    approved = client.get(url, {"formats": "csv", "scope": "approved"}).content.decode("utf-8-sig")
    everything = client.get(url, {"formats": "csv", "scope": "all"}).content.decode("utf-8-sig")
    assert len(approved.strip().splitlines()) == 1 + 3
    assert len(everything.strip().splitlines()) == 1 + 5


def test_unknown_format_is_refused_with_a_message(client, editor, seed):
    client.force_login(editor)
    response = client.get(reverse("claims:article_export", args=[seed.pk]), {"formats": "pdf"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("claims:article_detail", args=[seed.pk])
    assert "pdf is not one of the available choices" in " ".join(str(m) for m in response.context["messages"])


def test_missing_article_is_404(client, editor):
    client.force_login(editor)
    assert client.get(reverse("claims:article_export", args=[999]), {"formats": "html"}).status_code == 404


def test_several_articles_come_as_a_zip_with_one_file_per_article_and_format(client, editor, seed):
    other = create_article(title="Second story")
    client.force_login(editor)
    response = client.post(
        reverse("claims:articles_export"), {"articles": [seed.pk, other.pk], "formats": ["html", "csv", "md"]}
    )
    assert run_queued_tasks() == 1  # zipped by the worker (tests/views/test_jobs.py shows the page)
    job = Job.objects.get()
    assert response["Location"] == reverse("claims:job_detail", args=[job.pk])
    names = zipfile.ZipFile(io.BytesIO(client.get(reverse("claims:job_download", args=[job.pk])).content)).namelist()
    assert len(names) == 6 and len(set(names)) == 6
    assert {name.rsplit(".", 1)[1] for name in names} == {"html", "csv", "md"}
    assert sum(str(other.pk) in name for name in names) == 3


def test_one_ticked_article_in_several_formats_is_a_zip_at_once(client, editor, seed):
    client.force_login(editor)
    response = client.post(reverse("claims:articles_export"), {"articles": [seed.pk], "formats": ["csv", "md"]})
    assert response["Content-Type"] == "application/zip" and not Job.objects.exists()
    assert len(zipfile.ZipFile(io.BytesIO(response.content)).namelist()) == 2


def test_one_ticked_article_in_one_format_is_a_plain_file(client, editor, seed):
    client.force_login(editor)
    response = client.post(reverse("claims:articles_export"), {"articles": [seed.pk], "formats": ["md"]})
    assert response["Content-Type"].startswith("text/markdown")


def test_list_export_without_articles_says_so(client, editor, seed):
    client.force_login(editor)
    response = client.post(reverse("claims:articles_export"), {"formats": ["md"]}, follow=True)
    assert "Tick the articles to export." in " ".join(str(m) for m in response.context["messages"])


def test_export_controls_are_on_the_article_page_and_list(client, editor, seed):
    client.force_login(editor)
    page = client.get(reverse("claims:article_detail", args=[seed.pk])).content.decode()
    listing = client.get(reverse("claims:article_list")).content.decode()
    assert f'action="{reverse("claims:article_export", args=[seed.pk])}"' in page and ">Export</button>" in page
    assert 'form="export-form"' in listing and ">Export</button>" in listing


def test_export_is_read_only(client, editor, seed):
    client.force_login(editor)
    assert client.post(reverse("claims:article_export", args=[seed.pk]), {"formats": "html"}).status_code == 405
