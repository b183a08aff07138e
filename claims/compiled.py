"""Querysets compiled to SQL once and run again with other values, for the few reads on every edit's path.

Building a query's SQL costs the ORM several times what the database takes to answer it (about 1 ms
against 0.2 ms for a row's claims, measured by bench/workspace_bench.py's Save), and the same shape is
built on every edit. A Compiled query builds its queryset once per database connection vendor with a
marker value for each named parameter, keeps the SQL, and from then on only puts the values where
the markers were. Only for values_list() querysets whose fields need no conversion from the database
(numbers and text: a boolean comes back from SQLite as 0 or 1), filtered on integers or text, which
the ORM hands to the database as they are (not dates, which it converts).
"""

from django.db import connection

# An integer that no id or offset reaches, or a text no one types, for each parameter.
_MARKERS = {int: lambda k: -7_340_000_000 - k, str: lambda k: f"\x00compiled-parameter-{k}"}


class Compiled:
    def __init__(self, build, **types):
        """`build(**markers)` returns the queryset, filtered on the parameters `types` names, each
        int or str (e.g. sentence=int)."""
        self._build, self._types, self._sql = build, types, {}

    def rows(self, **values):
        sql, params, slots = self._compiled()
        params = list(params)
        for name, slot in slots:
            params[slot] = values[name]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _compiled(self):
        if connection.vendor not in self._sql:
            markers = {name: _MARKERS[kind](k) for k, (name, kind) in enumerate(self._types.items())}
            sql, params = self._build(**markers).query.sql_with_params()
            slots = [(name, params.index(marker)) for name, marker in markers.items()]
            if len(slots) != sum(params.count(marker) for marker in markers.values()):
                raise ValueError("each parameter must occur once in the query")
            self._sql[connection.vendor] = sql, tuple(params), slots
        return self._sql[connection.vendor]
