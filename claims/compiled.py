"""Querysets compiled to SQL once and run again with other values, for the few reads on every request's path.

Building a query's SQL costs the ORM several times what the database takes to answer it (about 1 ms
against 0.2 ms for a row's claims, measured by bench/workspace_bench.py's Save), and the same shape is
built on every edit. A Compiled query builds its queryset once per database connection vendor with a
marker value for each named parameter, keeps the SQL, and from then on only puts the values where
the markers were, filtered on integers or text, which the ORM hands to the database as they are (not
dates, which it converts), or on a list of integers (pk__in=...), whose one placeholder becomes as many
as the list has values.

rows() answers values_list() querysets whose fields need no conversion from the database (numbers and
text: a boolean comes back from SQLite as 0 or 1). objects() answers querysets of model instances,
select_related() and annotations included, as the ORM's own ModelIterable builds them from the same
compiler (its converters, its related populators); prefetch_related() is left to the caller.
"""

import re

from django.db import connection
from django.db.models.query import get_related_populators
from django.http import Http404

# An integer that no id or offset reaches, or a text no one types, for each parameter; a list parameter
# is built with one such integer in it.
_MARKERS = {int: lambda k: -7_340_000_000 - k, str: lambda k: f"\x00compiled-parameter-{k}"}
_MARKERS[list] = lambda k: [_MARKERS[int](k)]
# A parameter's placeholder in the ORM's SQL, and the escaped percent sign that is not one.
_PLACEHOLDER = re.compile(r"%%|%s")


class Compiled:
    def __init__(self, build, **types):
        """`build(**markers)` returns the queryset, filtered on the parameters `types` names, each
        int, str or list (of integers, e.g. pks=list, for pk__in=pks)."""
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
        annotations = compiler.annotation_col_map.items()
        found = []
        for row in compiler.results_iter([rows]):
            obj = model.from_db(connection.alias, names, row[first:last])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in annotations:
                setattr(obj, name, row[position])
            found.append(obj)
        return found

    def one_or_404(self, message, **values):
        """The first instance objects() gives for these values; Http404(message) when there is none."""
        found = self.objects(**values)
        if not found:
            raise Http404(message)
        return found[0]

    def _run(self, values):
        sql, params, slots, offsets, compiler = self._compiled()
        params = list(params)
        # The last slot first, so that a list's extra placeholders move none still to fill.
        for name, slot in sorted(slots, key=lambda named: -named[1]):
            value = values[name]
            if self._types[name] is not list:
                params[slot] = value
            elif not value:
                return [], compiler  # IN () matches nothing, as the ORM's own empty list does
            else:
                at = offsets[slot]
                sql = sql[:at] + ", ".join(["%s"] * len(value)) + sql[at + 2 :]
                params[slot : slot + 1] = value
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall(), compiler

    def _compiled(self):
        if connection.vendor not in self._sql:
            markers = {name: _MARKERS[kind](k) for k, (name, kind) in enumerate(self._types.items())}
            compiler = self._build(**markers).query.get_compiler(connection=connection)
            sql, params = compiler.as_sql()  # also gives the compiler its select, for objects()
            params = tuple(params)
            scalars = {name: marker[0] if isinstance(marker, list) else marker for name, marker in markers.items()}
            slots = [(name, params.index(marker)) for name, marker in scalars.items()]
            if len(slots) != sum(params.count(marker) for marker in scalars.values()):
                raise ValueError("each parameter must occur once in the query")
            offsets = [found.start() for found in _PLACEHOLDER.finditer(sql) if found.group() == "%s"]
            self._sql[connection.vendor] = sql, params, slots, offsets, compiler
        return self._sql[connection.vendor]
