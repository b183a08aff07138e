"""The SVG bar chart, without the database: well-formed, accessible, escaped, and scaled to the data."""

from datetime import date, timedelta
from xml.etree import ElementTree

from claims.charts import bar_chart, summary

SVG = "{http://www.w3.org/2000/svg}"
DAYS = [date(2026, 11, 1) + timedelta(days=n) for n in range(30)]


def parse(markup):
    return ElementTree.fromstring(markup)


def test_chart_is_an_image_whose_label_summarises_the_data():
    points = [(day, 0) for day in DAYS]
    points[11] = (DAYS[11], 40)
    points[20] = (DAYS[20], 2)
    svg = parse(bar_chart(points, title="Changes per day", unit="change"))
    label = "Changes per day, 1 Nov 2026 to 30 Nov 2026: 42 changes in total; the busiest day was 12 Nov 2026 with 40."
    assert svg.get("role") == "img" and svg.get("aria-label") == label
    assert svg.find(f"{SVG}title").text == label


def test_every_day_gets_a_bar_with_a_tooltip():
    points = [(day, n % 4) for n, day in enumerate(DAYS)]
    svg = parse(bar_chart(points, title="Changes per day"))
    days = svg.find(f"{SVG}g[@class='chart__bars']").findall(f"{SVG}g")
    assert len(days) == 30
    assert days[1].find(f"{SVG}title").text == "2 Nov 2026: 1 change"
    assert days[3].find(f"{SVG}title").text == "4 Nov 2026: 3 changes"


def test_taller_bars_for_bigger_values_and_the_peak_reaches_the_top_gridline():
    points = [(DAYS[0], 10), (DAYS[1], 5), (DAYS[2], 0)]
    svg = parse(bar_chart(points, title="t"))
    bars = [float(rect.get("height")) for rect in svg.iter(f"{SVG}rect") if rect.get("class") == "chart__bar"]
    assert bars[0] == 2 * bars[1] and bars[2] == 0
    values = [text.text for text in svg.find(f"{SVG}g[@class='chart__values']")]
    assert values == ["5", "10"]


def test_axis_labels_name_days_weekly_ending_at_the_last_one():
    svg = parse(bar_chart([(day, 1) for day in DAYS], title="t"))
    dates = [text.text for text in svg.find(f"{SVG}g[@class='chart__dates']")]
    assert dates == ["30 Nov", "23 Nov", "16 Nov", "9 Nov", "2 Nov"]


def test_title_and_unit_are_escaped():
    markup = bar_chart([(DAYS[0], 3)], title='<script>alert("x")</script> & co', unit="<b>")
    assert "<script>" not in markup and "<b>" not in markup
    assert parse(markup).find(f"{SVG}title").text.startswith('<script>alert("x")</script> & co')


def test_empty_and_all_zero_data_still_draw_a_readable_chart():
    assert summary([], title="Changes", unit="change") == "Changes: no data."
    svg = parse(bar_chart([(day, 0) for day in DAYS[:7]], title="Changes"))
    assert svg.get("aria-label") == "Changes, 1 Nov 2026 to 7 Nov 2026: none recorded."
    assert len(svg.find(f"{SVG}g[@class='chart__grid']")) == 2  # zero and one
