import importlib

from django.db.backends.sqlite3 import base, operations

# The triggers as migration 0009 creates them.
append_only = importlib.import_module("claims.migrations.0009_history_append_only")
HISTORY_TABLE = "claims_historyentry"


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        statements = super().sql_flush(style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        if HISTORY_TABLE not in tables:
            return statements
        return [*append_only.SQLITE_REVERSE, *statements, *append_only.SQLITE_FORWARD]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
