"""Django's SQLite backend, whose flush (emptying every table) lifts history's append-only triggers for
its own statements: SQLite has no TRUNCATE that would pass them by, as PostgreSQL's does."""
