"""The page for a request that failed on the server. It is written without the database or a template
that might need it, since the database not answering is the likeliest reason to be here: then it says
so, with 503 and Retry-After, and the next request tries the database afresh (CONN_HEALTH_CHECKS)."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · Attribution workbench</title></head>
<body><main><h1>{title}</h1><p>{text}</p><p><a href="/">Back to the articles</a></p></main></body></html>
"""
UNAVAILABLE = (
    "The workbench cannot reach its database just now",
    "Nothing was saved by this request. Try again in a minute; if it lasts, tell whoever runs the workbench.",
)
FAILED = (
    "Something went wrong on our side",
    "This request stopped before it finished, so nothing of it was saved. Try again; if it happens again, "
    "tell whoever runs the workbench what you were doing.",
)


@requires_csrf_token
def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        logger.warning("the database does not answer: %s", error)
        response = HttpResponse(PAGE.format(title=UNAVAILABLE[0], text=UNAVAILABLE[1]), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(PAGE.format(title=FAILED[0], text=FAILED[1]), status=500)
