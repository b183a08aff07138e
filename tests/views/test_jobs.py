"""The pages of background work: a big upload, an export of several articles and a fresh suggestion run
each send their starter to the job's page, which only the starter sees; it polls with htmx and refreshes
itself without JavaScript until the worker has finished."""

import io
import zipfile

import pytest
from django.urls import reverse

from claims.models import Article, Job
from tests.factories import create_article
from tests.worker import run_queued_tasks

TRANSCRIPT = " ".join(f"Minister {n} said the bridge would reopen in {n % 9 + 2} weeks." for n in range(400))


@pytest.fixture
def small_threshold(settings):
    settings.JOB_IMPORT_BYTES = 10_000


def upload(client, text=TRANSCRIPT):
    data = {"text": text, "format": "auto", "title": "Hearing", "language": "en"}
    return client.post(reverse("claims:article_import"), data)


def test_a_big_import_goes_to_the_worker_and_its_page_shows_each_state(client, editor, small_threshold):
    client.force_login(editor)
    response = upload(client)
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("claims:job_detail", args=[job.pk])
    assert not Article.objects.exists()

    page = client.get(response["Location"]).content.decode()
    assert "Importing Hearing" in page and "Waiting for the worker" in page
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert 'hx-trigger="every 1s"' in page

    job.begin()
    job.report("Finding attributions", 120, 400)
    fragment = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert fragment.startswith('<section id="job-status"') and "<html" not in fragment
    assert "Finding attributions: 120 of 400" in fragment and 'max="400" value="120"' in fragment

    Job.objects.filter(pk=job.pk).update(status="pending")  # as the worker would find it
    run_queued_tasks()
    article = Article.objects.get()
    done = client.get(response["Location"]).content.decode()
    assert "400 sentences" in done and f'href="{reverse("claims:article_detail", args=[article.pk])}"' in done
    assert "refresh" not in done and "hx-trigger" not in done


def test_a_small_import_still_happens_at_once(client, editor):
    client.force_login(editor)
    response = upload(client, text="Kyiv said the talks had ended.")
    article = Article.objects.get()
    assert response["Location"] == reverse("claims:article_detail", args=[article.pk])
    assert not Job.objects.exists()


def test_a_refused_big_file_shows_its_message_and_a_way_back(client, editor, small_threshold):
    client.force_login(editor)
    upload(client, text=TRANSCRIPT.replace(".", "") + " x" * 6000)  # one "sentence" far over the limit
    run_queued_tasks()
    job = Job.objects.get()
    page = client.get(reverse("claims:job_detail", args=[job.pk])).content.decode()
    assert job.status == "failed" and "characters long with no sentence break" in page
    assert "Try again" not in page and "Import another file" in page


def test_only_the_starter_sees_downloads_or_retries_a_job(client, editor, second_editor, small_threshold):
    client.force_login(editor)
    upload(client)
    job = Job.objects.get()
    Job.objects.filter(pk=job.pk).update(status="failed", can_retry=True, message="Stopped.")
    client.force_login(second_editor)
    assert client.get(reverse("claims:job_detail", args=[job.pk])).status_code == 404
    assert client.post(reverse("claims:job_retry", args=[job.pk])).status_code == 404
    assert Job.objects.get(pk=job.pk).status == "failed"

    client.force_login(editor)
    page = client.get(reverse("claims:job_detail", args=[job.pk])).content.decode()
    assert "Stopped." in page and "Try again" in page
    assert client.post(reverse("claims:job_retry", args=[job.pk])).status_code == 302
    assert Job.objects.get(pk=job.pk).status == "pending"
    client.post(reverse("claims:job_retry", args=[job.pk]))  # a second click changes nothing
    assert Job.objects.get(pk=job.pk).status == "pending"


def test_an_export_of_several_articles_is_downloaded_from_its_job(client, editor, second_editor):
    first, second = create_article(title="One", sentences=3), create_article(title="Two", sentences=3)
    client.force_login(editor)
    assert client.get(reverse("claims:articles_export"), {"articles": [first.pk], "formats": ["md"]}).status_code == 405
    response = client.post(reverse("claims:articles_export"), {"articles": [first.pk, second.pk], "formats": ["md"]})
    job = Job.objects.get()
    assert response["Location"] == reverse("claims:job_detail", args=[job.pk]) and job.kind == "export"
    download = reverse("claims:job_download", args=[job.pk])
    assert client.get(download).status_code == 404  # not made yet

    run_queued_tasks()
    page = client.get(reverse("claims:job_detail", args=[job.pk])).content.decode()
    assert f'href="{download}"' in page and "Download workbench-export.zip" in page
    zipped = client.get(download)
    assert zipped["Content-Type"] == "application/zip"
    assert zipped["Content-Disposition"] == 'attachment; filename="workbench-export.zip"'
    assert len(zipfile.ZipFile(io.BytesIO(zipped.content)).namelist()) == 2
    client.force_login(second_editor)
    assert client.get(download).status_code == 404


def test_an_editor_runs_suggestions_again_from_the_workspace(client, editor, outsider):
    article = create_article(text="The mayor said the bridge would reopen.")
    client.force_login(outsider)
    assert client.post(reverse("claims:suggestions_run", args=[article.pk])).status_code == 403
    assert not Job.objects.exists()

    client.force_login(editor)
    page = client.get(reverse("claims:article_detail", args=[article.pk])).content.decode()
    assert f'action="{reverse("claims:suggestions_run", args=[article.pk])}"' in page
    response = client.post(reverse("claims:suggestions_run", args=[article.pk]))
    job = Job.objects.get()
    assert response["Location"] == reverse("claims:job_detail", args=[job.pk])
    assert (job.kind, job.article, job.started_by) == ("suggest", article, editor)
    run_queued_tasks()
    assert article.suggestions.pending().count() == 1


def test_the_article_list_shows_its_reader_their_own_recent_work(client, editor, second_editor, small_threshold):
    client.force_login(editor)
    upload(client)
    job = Job.objects.get()
    listing = client.get(reverse("claims:article_list")).content.decode()
    assert "Your background work" in listing and f'href="{reverse("claims:job_detail", args=[job.pk])}"' in listing
    client.force_login(second_editor)
    assert "Your background work" not in client.get(reverse("claims:article_list")).content.decode()
