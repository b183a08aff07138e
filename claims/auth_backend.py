"""Django's ModelBackend, reading a user's permissions in one plain query instead of two ORM ones: every
workspace action checks a permission, and building the ORM's join of users, groups and permissions
costs more than the database takes to answer it (bench/workspace_bench.py, the Save)."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection


class RolesBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                return super().get_all_permissions(user_obj)
            with connection.cursor() as cursor:
                cursor.execute(GRANTED, [user_obj.pk, user_obj.pk])
                user_obj._perm_cache = {f"{app}.{codename}" for app, codename in cursor.fetchall()}
        return user_obj._perm_cache


def _tables():
    user_permissions = Permission.user_set.through._meta.db_table
    user_groups = Group.user_set.through._meta.db_table
    group_permissions = Group.permissions.through._meta.db_table
    return Permission._meta.db_table, ContentType._meta.db_table, user_permissions, user_groups, group_permissions


PERMISSION, CONTENT_TYPE, USER_PERMISSIONS, USER_GROUPS, GROUP_PERMISSIONS = _tables()
# The user's own permissions and their groups' (app label, codename).
GRANTED = f"""
    SELECT DISTINCT ct.app_label, p.codename FROM {PERMISSION} p JOIN {CONTENT_TYPE} ct ON ct.id = p.content_type_id
    WHERE p.id IN (SELECT permission_id FROM {USER_PERMISSIONS} WHERE user_id = %s)
       OR p.id IN (SELECT gp.permission_id FROM {GROUP_PERMISSIONS} gp
                   JOIN {USER_GROUPS} ug ON ug.group_id = gp.group_id WHERE ug.user_id = %s)
"""
