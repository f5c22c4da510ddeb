"""The server-side bar chart: suppressed values get no bar; long labels fit or are shortened."""

from reports.charts import LABEL_WIDTH, MAX_LABEL_WIDTH, bar_chart
from reports.selectors import Table


def test_suppressed_values_get_no_bar_and_the_largest_fills_the_area():
    chart = bar_chart(table=Table("t", "T", [("a", 3), ("b", 10), ("c", 5)]))
    assert [(bar.value, bar.width) for bar in chart.bars] == [("<5", 0), (10, 320), (5, 160)]
    assert chart.label_width == LABEL_WIDTH


def test_a_long_label_widens_the_label_column_and_a_very_long_one_is_shortened():
    label = "Dossiers met een verstreken UVO-termijn aan het eind van de periode"
    chart = bar_chart(table=Table("t", "T", [(label, 7)]))
    assert LABEL_WIDTH < chart.label_width <= MAX_LABEL_WIDTH
    assert chart.bars[0].label == label
    huge = "x" * 200
    bar = bar_chart(table=Table("t", "T", [(huge, 7)])).bars[0]
    assert bar.label.endswith("…") and len(bar.label) < 80 and bar.full_label == huge
