"""A background job's page, seen by the person who started it: waiting, a progress bar, then the result
or a one-line failure. With htmx the status part asks again every second; without JavaScript the page
refreshes itself until the job has finished."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from .. import jobs
from ..models import Job, JobKind, JobStatus


def _own_job(request, job_id, **filters):
    """The job, for the person who started it; 404 for anyone else, so ids reveal nothing."""
    return get_object_or_404(Job.objects.defer("payload", "result"), pk=job_id, started_by=request.user, **filters)


@require_GET
def job_detail(request, job_id):
    job = _own_job(request, job_id)
    template = "claims/_job_status.html" if request.htmx else "claims/job_detail.html"
    return render(request, template, {"job": job})


@require_GET
def job_download(request, job_id):
    job = get_object_or_404(Job, pk=job_id, started_by=request.user, kind=JobKind.EXPORT, status=JobStatus.DONE)
    if job.result is None:
        raise Http404("This export's file was not kept.")
    response = HttpResponse(bytes(job.result), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{job.result_name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def job_retry(request, job_id):
    job = _own_job(request, job_id)
    jobs.retry(job)  # a second click finds it waiting already, and changes nothing
    return redirect("claims:job_detail", job_id=job.pk)
