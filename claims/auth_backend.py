"""Django's ModelBackend, reading a signed-in user and their permissions in one plain query instead of
three ORM ones (the user, their own permissions, their groups'): every workspace action checks a
permission, and building the ORM's joins costs more than the database takes to answer them
(bench/workspace_bench.py, the Save)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType


class RolesBackend(ModelBackend):
    def get_user(self, user_id):
        # A row per permission (one with none when there is none), each carrying the whole user.
        users = get_user_model()
        rows = list(users._default_manager.raw(USER_WITH_PERMISSIONS, [users._meta.pk.to_python(user_id)]))
        if not rows or not self.user_can_authenticate(rows[0]):
            return None
        user = rows[0]
        if not user.is_superuser:  # a superuser has every permission (ModelBackend lists them)
            user._perm_cache = {f"{row.permission_app}.{row.codename}" for row in rows if row.codename}
        return user

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache") and not user_obj.is_superuser:
            user_obj._perm_cache = {
                f"{row.permission_app}.{row.codename}"
                for row in get_user_model()._default_manager.raw(USER_WITH_PERMISSIONS, [user_obj.pk])
                if row.codename
            }
        return super().get_all_permissions(user_obj)


def _tables():
    user_permissions = Permission.user_set.through._meta.db_table
    user_groups = Group.user_set.through._meta.db_table
    group_permissions = Group.permissions.through._meta.db_table
    return (get_user_model()._meta.db_table, Permission._meta.db_table, ContentType._meta.db_table,
            user_permissions, user_groups, group_permissions)  # fmt: skip


USER, PERMISSION, CONTENT_TYPE, USER_PERMISSIONS, USER_GROUPS, GROUP_PERMISSIONS = _tables()
# The user with each of their own permissions and their groups' (app label, codename).
USER_WITH_PERMISSIONS = f"""
    SELECT u.*, ct.app_label AS permission_app, p.codename AS codename FROM {USER} u
    LEFT JOIN {PERMISSION} p ON (
        p.id IN (SELECT permission_id FROM {USER_PERMISSIONS} WHERE user_id = u.id)
        OR p.id IN (SELECT gp.permission_id FROM {GROUP_PERMISSIONS} gp
                    JOIN {USER_GROUPS} ug ON ug.group_id = gp.group_id WHERE ug.user_id = u.id))
    LEFT JOIN {CONTENT_TYPE} ct ON ct.id = p.content_type_id
    WHERE u.id = %s
"""
