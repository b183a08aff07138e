"""Querysets compiled to SQL once and run again with other values, for the few reads on every request's path.

Building a query's SQL costs the ORM several times what the database takes to answer it (about 1 ms
against 0.2 ms for a row's claims, measured by bench/workspace_bench.py's Save), and the same shape is
built on every edit. A Compiled query builds its queryset once per database connection vendor with a
marker value for each named parameter, keeps the SQL, and from then on only puts the values where
the markers were, filtered on integers or text, which the ORM hands to the database as they are (not
dates, which it converts).

rows() answers values_list() querysets whose fields need no conversion from the database (numbers and
text: a boolean comes back from SQLite as 0 or 1). objects() answers querysets of model instances,
select_related() included, as the ORM's own ModelIterable builds them from the same compiler (its
converters, its related populators); prefetch_related() is left to the caller.
"""

from django.db import connection
from django.db.models.query import get_related_populators
from django.http import Http404

# An integer that no id or offset reaches, or a text no one types, for each parameter.
_MARKERS = {int: lambda k: -7_340_000_000 - k, str: lambda k: f"\x00compiled-parameter-{k}"}


class Compiled:
    def __init__(self, build, **types):
        """`build(**markers)` returns the queryset, filtered on the parameters `types` names, each
        int or str (e.g. sentence=int)."""
        self._build, self._types, self._sql = build, types, {}

    def rows(self, **values):
        return self._run(values)[0]

    def objects(self, **values):
        """The model instances the queryset would give for these values, in its order."""
        rows, compiler = self._run(values)
        select, klass_info = compiler.select, compiler.klass_info
        model, fields = klass_info["model"], klass_info["select_fields"]
        first, last = fields[0], fields[-1] + 1
        names = [column[0].target.attname for column in select[first:last]]
        populators = get_related_populators(klass_info, select, connection.alias)
        found = []
        for row in compiler.results_iter([rows]):
            obj = model.from_db(connection.alias, names, row[first:last])
            for populator in populators:
                populator.populate(row, obj)
            found.append(obj)
        return found

    def one_or_404(self, message, **values):
        """The first instance objects() gives for these values; Http404(message) when there is none."""
        found = self.objects(**values)
        if not found:
            raise Http404(message)
        return found[0]

    def _run(self, values):
        sql, params, slots, compiler = self._compiled()
        params = list(params)
        for name, slot in slots:
            params[slot] = values[name]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall(), compiler

    def _compiled(self):
        if connection.vendor not in self._sql:
            markers = {name: _MARKERS[kind](k) for k, (name, kind) in enumerate(self._types.items())}
            compiler = self._build(**markers).query.get_compiler(connection=connection)
            sql, params = compiler.as_sql()  # also gives the compiler its select, for objects()
            params = tuple(params)
            slots = [(name, params.index(marker)) for name, marker in markers.items()]
            if len(slots) != sum(params.count(marker) for marker in markers.values()):
                raise ValueError("each parameter must occur once in the query")
            self._sql[connection.vendor] = sql, params, slots, compiler
        return self._sql[connection.vendor]
