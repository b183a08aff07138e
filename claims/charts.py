"""Small server-side SVG charts: pure functions over plain data, no JavaScript.

The SVG has no viewBox: bars are placed in percentages of the width and text in pixels, so the chart
fills its container at any width while its labels keep a readable size."""

import math
from html import escape

HEIGHT = 180  # px, of the plot area
TOP = 14  # room for the highest gridline's label
BOTTOM = 26  # room for the date labels


def _nice_step(peak):
    """A gridline step of 1, 2 or 5 times a power of ten giving at most five gridlines."""
    if peak <= 4:
        return 1
    raw = peak / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= raw)


def _day(day):
    return f"{day.day} {day:%b}"


def _long_day(day):
    return f"{day.day} {day:%b %Y}"


def _count(value, unit):
    return f"{value} {unit if value == 1 else unit + 's'}"


def summary(points, *, title, unit):
    """A sentence saying what the chart shows, for screen readers (the chart's aria-label)."""
    if not points:
        return f"{title}: no data."
    total = sum(value for _, value in points)
    span = f"{_long_day(points[0][0])} to {_long_day(points[-1][0])}"
    if not total:
        return f"{title}, {span}: none recorded."
    busiest_day, busiest = max(points, key=lambda point: (point[1], point[0]))
    return (
        f"{title}, {span}: {_count(total, unit)} in total; the busiest day was {_long_day(busiest_day)} with {busiest}."
    )


def bar_chart(points, *, title, unit="change"):
    """SVG markup of a bar chart of `points`, a list of (date, number) in date order: one bar per day,
    each with a tooltip, horizontal gridlines labelled with their values, and weekly date labels
    ending at the last day. role="img" with an aria-label summarising the data."""
    label = summary(points, title=title, unit=unit)
    peak = max((value for _, value in points), default=0)
    step = _nice_step(peak)
    top = max(step, math.ceil(peak / step) * step)
    base = TOP + HEIGHT

    def y(value):
        return base - HEIGHT * value / top

    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(label)}" width="100%" height="{base + BOTTOM}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
        '<g class="chart__grid">',
    ]
    gridlines = range(0, top + 1, step)
    parts += [f'<line x1="0" x2="100%" y1="{y(value):.1f}" y2="{y(value):.1f}"/>' for value in gridlines]
    parts.append("</g>")

    slot = 100 / max(len(points), 1)
    parts.append('<g class="chart__bars">')
    for index, (day, value) in enumerate(points):
        tooltip = escape(f"{_long_day(day)}: {_count(value, unit)}")
        height = HEIGHT * value / top
        if value:
            height = max(height, 2)
        # The whole column carries the tooltip, so a day with few entries is as easy to point at.
        parts.append(
            f"<g><title>{tooltip}</title>"
            f'<rect class="chart__hit" x="{index * slot:.3f}%" y="{TOP}" width="{slot:.3f}%" height="{HEIGHT}"/>'
            f'<rect class="chart__bar" x="{(index + 0.15) * slot:.3f}%" y="{base - height:.1f}" '
            f'width="{slot * 0.7:.3f}%" height="{height:.1f}"/></g>'
        )
    parts.append("</g>")

    # Gridline values are drawn over the bars, on a halo (see workbench.css), so no bar hides them.
    parts.append('<g class="chart__values">')
    parts += [f'<text x="2" y="{y(value) - 4:.1f}">{value}</text>' for value in gridlines if value]
    parts.append("</g>")

    every = 7 if len(points) >= 14 else max(1, math.ceil(len(points) / 6))
    parts.append('<g class="chart__dates">')
    for index in range(len(points) - 1, -1, -every):
        anchor = "end" if index == len(points) - 1 else "middle"
        x = (index + 1) * slot if anchor == "end" else (index + 0.5) * slot
        parts.append(
            f'<text x="{x:.3f}%" y="{base + BOTTOM - 8}" text-anchor="{anchor}">{escape(_day(points[index][0]))}</text>'
        )
    parts.append("</g></svg>")
    return "".join(parts)
