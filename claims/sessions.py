"""Django's database sessions (claims.models.Session), read with the signed-in user and their permissions
in one query compiled once (claims.compiled): every request reads both, and the ORM took longer to build
the two queries than the database to answer them."""

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends import db
from django.db.models.expressions import RawSQL
from django.db.models.functions import Now

from .auth_backend import permission_names, read_with_the_session
from .compiled import Compiled
from .models import Session

# "Not expired" by the database's clock, which needs no parameter (a date would: see claims.compiled).
LIVE = Compiled(
    lambda key: (
        Session.objects.select_related("user")
        .filter(session_key=key, expire_date__gt=Now())
        .annotate(permission_names=RawSQL(permission_names(f'"{Session._meta.db_table}"."user_id"'), ()))
    ),
    key=str,
)


class SessionStore(db.SessionStore):
    @classmethod
    def get_model_class(cls):
        return Session

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        signed_in = data.get(SESSION_KEY)
        session.user_id = get_user_model()._meta.pk.to_python(signed_in) if signed_in is not None else None
        return session

    def load(self):
        found = LIVE.objects(key=self.session_key) if self.session_key else []
        user = found[0].user if found else None
        if user is not None:
            user.permission_names = found[0].permission_names
        read_with_the_session(user)  # for claims.auth_backend, which would read the user again
        if not found:
            self._session_key = None
            return {}
        return self.decode(found[0].session_data)
