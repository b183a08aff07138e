"""Django's ModelBackend, reading a signed-in user and their permissions in one plain query instead of
three ORM ones (the user, their own permissions, their groups'), or in none when the session store read
them with the session (claims/sessions.py): every workspace action checks a permission, and building the
ORM's joins costs more than the database takes to answer them (bench/workspace_bench.py, the Save)."""

from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection


class RolesBackend(ModelBackend):
    def get_user(self, user_id):
        user = _read_with_the_session(user_id) or _with_permissions(user_id)
        if user is None or not self.user_can_authenticate(user):
            return None
        if not user.is_superuser:  # a superuser has every permission (ModelBackend lists them)
            user._perm_cache = _names(user)
        return user

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache") and not user_obj.is_superuser:
            user_obj._perm_cache = _names(_with_permissions(user_obj.pk))
        return super().get_all_permissions(user_obj)


# The user the request's session row named, read with it (claims/sessions.py), for get_user() to take
# instead of reading it again. Set by every session load, taken once.
_session_user = ContextVar("session_user", default=None)


def read_with_the_session(user):
    """The session store hands over the user (with permission_names) its row named, or None."""
    _session_user.set(user)


def _read_with_the_session(user_id):
    user = _session_user.get()
    _session_user.set(None)
    return user if user is not None and user.pk == user_id else None


def _tables():
    user_permissions = Permission.user_set.through._meta.db_table
    user_groups = Group.user_set.through._meta.db_table
    group_permissions = Group.permissions.through._meta.db_table
    return (get_user_model()._meta.db_table, Permission._meta.db_table, ContentType._meta.db_table,
            user_permissions, user_groups, group_permissions)  # fmt: skip


USER, PERMISSION, CONTENT_TYPE, USER_PERMISSIONS, USER_GROUPS, GROUP_PERMISSIONS = _tables()
JOIN = {"postgresql": "string_agg", "sqlite": "group_concat"}


def permission_names(user_id_column):
    """SQL for the user's own permissions and their groups' as "app_label.codename,..." (aggregated by
    string_agg on PostgreSQL, group_concat on SQLite), of the user whose id `user_id_column` holds."""
    return f"""(
        SELECT {JOIN[connection.vendor]}(ct.app_label || '.' || p.codename, ',') FROM {PERMISSION} p
        JOIN {CONTENT_TYPE} ct ON ct.id = p.content_type_id
        WHERE p.id IN (SELECT permission_id FROM {USER_PERMISSIONS} WHERE user_id = {user_id_column})
           OR p.id IN (SELECT gp.permission_id FROM {GROUP_PERMISSIONS} gp
                       JOIN {USER_GROUPS} ug ON ug.group_id = gp.group_id WHERE ug.user_id = {user_id_column})
    )"""


def _with_permissions(user_id):
    """The active or inactive user `user_id` with `permission_names`, or None: one row, one model instance."""
    users = get_user_model()
    sql = f"SELECT u.*, {permission_names('u.id')} AS permission_names FROM {USER} u WHERE u.id = %s"
    return next(iter(users._default_manager.raw(sql, [users._meta.pk.to_python(user_id)])), None)


def _names(user):
    return set(user.permission_names.split(",")) if user.permission_names else set()
