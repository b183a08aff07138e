"""Django's database sessions, with the one read every request makes compiled once (claims.compiled):
the ORM took longer to build that query than the database to answer it."""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db.models.functions import Now

from .compiled import Compiled

# "Not expired" by the database's clock, which needs no parameter (a date would: see claims.compiled).
LIVE = Compiled(
    lambda key: Session.objects.filter(session_key=key, expire_date__gt=Now()).values_list("session_data"), key=str
)


class SessionStore(db.SessionStore):
    def load(self):
        rows = LIVE.rows(key=self.session_key) if self.session_key else []
        if not rows:
            self._session_key = None
            return {}
        return self.decode(rows[0][0])
