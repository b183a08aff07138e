"""Signed-in sessions: Django's database session, with the user it signs in as a column of its own, so
that one query reads a request's session and its user together (claims/sessions.py)."""

from importlib import import_module

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models


class Session(AbstractBaseSession):
    # No database constraint: a session saved by a request still in flight when its user is deleted must
    # not fail; it then names nobody (the join finds no user) and the ORM's cascade removes the rest.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, db_constraint=False, related_name="+"
    )

    class Meta(AbstractBaseSession.Meta):
        db_table = "claims_session"

    @classmethod
    def get_session_store_class(cls):
        return import_module(settings.SESSION_ENGINE).SessionStore
