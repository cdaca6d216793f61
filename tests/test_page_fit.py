"""The Fit page in AppTest: the form drives the ranking, links seed the form, bad links warn."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from smmfit.data import load_dataset
from smmfit.models import Persona, Weights
from smmfit.render import platform_name
from tests.conftest import open_app

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def pick(app: AppTest) -> str:
    return str(app.subheader[0].value)


def markdown_text(app: AppTest) -> str:
    return " ".join(str(item.value) for item in app.markdown).replace("\\", "")


def open_evidence(app: AppTest) -> AppTest:
    """Open the evidence expander, as a click does (its content runs only while open)."""
    app.session_state["fit_evidence"] = True
    app.run()
    assert not app.exception, app.exception
    return app


def chart_networks(app: AppTest) -> list[str]:
    spec = json.loads(app.get("vega_lite_chart")[0].proto.spec)
    return list(spec["encoding"]["y"]["sort"])


def test_default_view_recommends_and_charts() -> None:
    app = open_app()
    assert pick(app).startswith("Test first: ")
    assert len(chart_networks(app)) >= 3
    assert app.dataframe[0].value.shape[0] == len(load_dataset().platforms)


def test_region_change_changes_the_ranking_the_way_the_data_says() -> None:
    app = open_app()
    app.selectbox(key="fit_region").select("RU").run()
    assert pick(app).startswith("Test first: VK")
    app.selectbox(key="fit_region").select("CN").run()
    assert chart_networks(app)[0] in ("WeChat", "Weibo", "Douyin")
    assert "Facebook" not in chart_networks(app)


def test_persona_change_moves_the_pick() -> None:
    """In the US, Pew's figures put women's share on Pinterest far above men's."""
    app = open_app(region="US", age="18-65")
    app.segmented_control(key="fit_gender").set_value("female").run()
    women = chart_networks(app).index("Pinterest")
    app.segmented_control(key="fit_gender").set_value("male").run()
    men = chart_networks(app).index("Pinterest")
    assert women < men


def test_a_link_seeds_the_form() -> None:
    app = open_app(
        region="RU", age="25-44", gender="female", devices="ios", segment="b2b", lang="ru"
    )
    assert app.selectbox(key="fit_region").value == "RU"
    assert app.slider(key="fit_age").value == (25, 44)
    assert app.segmented_control(key="fit_gender").value == "female"
    assert app.multiselect(key="fit_devices").value == ["ios"]
    assert app.segmented_control(key="fit_segment").value == "b2b"
    assert pick(app).startswith("Тестировать первой: ")


def test_the_url_follows_the_form() -> None:
    app = open_app()
    app.selectbox(key="fit_region").select("CN").run()
    assert app.query_params["region"] == ["CN"] or app.query_params["region"] == "CN"


def test_a_bad_link_warns_and_keeps_the_valid_values() -> None:
    app = open_app(region="XX", age="50-20", gender="robot", segment="b2b")
    assert len(app.warning) == 1
    warning = app.warning[0].value
    assert "Country" in warning and "Age range" in warning and "Gender" in warning
    assert app.segmented_control(key="fit_segment").value == "b2b"
    assert app.selectbox(key="fit_region").value == "WW"


def test_language_switch_changes_the_texts() -> None:
    app = open_app(region="RU")
    assert pick(app).startswith("Test first: VK")
    app.selectbox(key="lang").select("ru").run()
    assert pick(app).startswith("Тестировать первой: ВКонтакте")
    assert app.title[0].value == "Какую сеть тестировать первой"


def test_blocked_networks_are_listed_with_reason() -> None:
    app = open_app(region="RU")
    # Markdown sources are escaped (data text is shown literally): compare without escapes.
    listed = " ".join(str(item.value) for item in app.markdown).replace("\\", "")
    assert "Instagram" in listed and "March 14, 2022" in listed


def test_the_blocked_list_says_which_day_it_holds_for() -> None:
    app = open_app(region="RU")
    captions = [str(caption.value) for caption in app.caption]
    today = date.today()
    assert any(f"As of {today:%B} {today.day}, {today.year}" in c for c in captions), captions


def test_an_ended_throttle_is_not_listed() -> None:
    """Turkey's 42-hour throttle of March 2025 is history: none of those networks is listed
    (only Max, which is not offered outside the CIS)."""
    app = open_app(region="TR", age="25-44")
    listed = [
        line
        for m in app.markdown
        for line in str(m.value).splitlines()
        if line.startswith("- **") and ("Türkiye" in line or "Turkey" in line)
    ]
    assert any(line.startswith("- **Max**") for line in listed), listed
    for network in ("Instagram", "YouTube", "TikTok", "Telegram"):
        assert not any(line.startswith(f"- **{network}**") for line in listed), listed


def test_empty_device_selection_explains_and_keeps_ranking() -> None:
    app = open_app(region="RU")
    app.multiselect(key="fit_devices").set_value([]).run()
    assert not app.exception
    assert any("at least one device" in str(info.value) for info in app.info)
    assert pick(app).startswith("Test first: VK")


def test_the_pick_shows_how_sure_it_is() -> None:
    """Beside the pick: its win probability over plausible scenarios and what flips it."""
    app = open_app(region="RU", age="18-39", gender="female")
    text = " ".join(str(item.value) for item in app.markdown).replace("\\", "")
    assert "How sure is this pick" in text
    assert "of plausible scenarios" in text
    assert "The pick becomes" in text
    table = app.dataframe[0].value
    shares = [v for v in table["First in scenarios"] if v != "—"]
    assert shares and all(v.endswith("%") for v in shares)


def test_what_would_change_names_other_weightings() -> None:
    app = open_app(region="US", age="18-39", gender="female")
    text = " ".join(str(item.value) for item in app.markdown).replace("\\", "")
    assert "would come first" in text or "stays first" in text
    assert "is next" in text


def test_sidebar_keeps_the_persona_in_view() -> None:
    # AppTest's switch_page runs the page alone, without app.py's sidebar, so the summary
    # is checked on the Fit page; the browser test sees the other pages whole.
    app = open_app(region="RU", age="25-44", gender="female", name="Kazan mums")
    summary = " ".join(str(item.value) for item in app.sidebar.markdown).replace("\\", "")
    assert "Kazan mums" in summary and "Women" in summary and "25–44" in summary


def test_leaving_the_page_and_coming_back_keeps_the_persona() -> None:
    app = open_app(region="RU", age="25-44", gender="female")
    app.switch_page("pages/platforms.py").run()
    app.switch_page("pages/fit.py").run()
    assert app.selectbox(key="fit_region").value == "RU"
    assert app.slider(key="fit_age").value == (25, 44)
    assert app.segmented_control(key="fit_gender").value == "female"


def download_labels(app: AppTest) -> list[str]:
    return [element.proto.label for element in app.get("download_button")]


def test_downloads_offer_the_csv_then_the_deck_and_the_report_once_prepared() -> None:
    app = open_app(region="RU")
    assert download_labels(app) == ["Download the ranking (CSV)"]
    app.button(key="fit_prepare").click().run()  # built under a spinner, on this run
    assert download_labels(app) == [
        "Download the ranking (CSV)",
        "Download the deck (PPTX)",
        "Download the one-page report (HTML)",
    ]
    app.run()  # the same view: still offered, from the cache, with no second click
    assert len(download_labels(app)) == 3
    app.selectbox(key="fit_region").select("US").run()  # another view: prepared on request
    assert download_labels(app) == ["Download the ranking (CSV)"]
    russian = open_app(region="RU", lang="ru")
    assert russian.button(key="fit_prepare").label == "Подготовить материалы для встречи"


def test_the_logo_upload_is_offered_with_its_limits() -> None:
    app = open_app(region="RU")
    uploader = app.get("file_uploader")[0]
    assert "PNG or JPEG, up to 2 MB" in uploader.proto.label
    assert set(uploader.proto.type) == {".png", ".jpg", ".jpeg"}


def test_a_rerun_does_not_build_the_deck(monkeypatch: pytest.MonkeyPatch) -> None:
    """The deck and report are built when their button is clicked, never on a rerun."""
    import ui.fit

    def refuse(*_: object, **__: object) -> bytes:
        raise AssertionError("the meeting pack was built on an ordinary rerun")

    monkeypatch.setattr(ui.fit, "meeting_pack", refuse)
    app = open_app(region="RU")
    app.selectbox(key="fit_region").select("US").run()
    assert not app.exception


def test_the_link_reproduces_the_view() -> None:
    app = open_app(region="RU", age="25-44", gender="female", lang="ru", weights="1,0,0,0.5")
    link = str(app.code[0].value)
    assert link.startswith("?")
    query = {key: values[0] for key, values in parse_qs(link[1:]).items()}
    assert query["region"] == "RU"
    assert query["age"] == "25-44"
    assert query["gender"] == "female"
    assert query["lang"] == "ru"
    assert query["weights"] == "1,0,0,0.5"
    again = open_app(**query)
    assert pick(again) == pick(app)
    assert str(again.code[0].value) == link


def test_the_deck_button_gives_a_deck_of_the_view() -> None:
    """What the deck button's callable returns: the pack of the persona the page shows."""
    import ui.fit

    persona = Persona(region="RU", age_min=25, age_max=44, name="Q4 launch")
    deck, report = ui.fit.meeting_files(
        persona.model_dump_json(),
        Weights().model_dump_json(),
        "ru",
        date(2026, 11, 23),
        data="",
        audience=None,
    )
    titles = [slide.shapes.title.text for slide in Presentation(io.BytesIO(deck)).slides]
    assert titles[0] == "Q4 launch"
    view = ui.fit._fit_view(
        persona.model_dump_json(), Weights().model_dump_json(), "ru", "", date(2026, 11, 23)
    )
    pick = platform_name(str(view.result.recommendation.platform), "ru")
    assert pick in titles[1]  # the answer the page states
    assert pick in report.decode()


def test_a_plan_checked_this_session_ends_the_deck() -> None:
    """The Tactic checker's plan rides along: the deck and report end with its summary."""
    import ui.fit

    persona = Persona(region="RU", age_min=25, age_max=44)
    summary = (("black", "Рассылка со взломанных аккаунтов"), ("gray", "Купить 5000 подписчиков"))
    deck, report = ui.fit.meeting_files(
        persona.model_dump_json(),
        Weights().model_dump_json(),
        "en",
        date(2026, 11, 23),
        data="",
        audience=None,
        tactic_summary=summary,
    )
    slides = list(Presentation(io.BytesIO(deck)).slides)
    tactics = next(s for s in slides if s.shapes.title.text == "Tactic check")
    last = " ".join(shape.text_frame.text for shape in tactics.shapes if shape.has_text_frame)
    assert "Купить 5000 подписчиков" in last
    assert "Купить 5000 подписчиков" in report.decode()
    plain, _ = ui.fit.meeting_files(
        persona.model_dump_json(),
        Weights().model_dump_json(),
        "en",
        date(2026, 11, 23),
        data="",
        audience=None,
    )
    assert len(Presentation(io.BytesIO(plain)).slides) == len(slides) - 1


def test_a_link_with_an_overlong_name_warns_instead_of_failing() -> None:
    app = open_app(region="RU", name="x" * 150)
    assert len(app.warning) == 1
    assert pick(app).startswith("Test first: VK")


def test_the_audience_comparison_follows_the_pick_until_the_user_chooses() -> None:
    app = open_app(region="RU")
    assert app.selectbox(key="fit_compare").value == "vk"
    app.selectbox(key="fit_region").select("CN").run()
    assert app.selectbox(key="fit_compare").value == "wechat"
    app.selectbox(key="fit_compare").select("weibo").run()
    app.selectbox(key="fit_region").select("US").run()
    assert app.selectbox(key="fit_compare").value == "weibo"


@pytest.mark.parametrize(
    ("region", "settlement", "options"),
    [
        ("RU", "moscow_spb", ["none", "moscow_spb", "city_1m_plus", "rest"]),
        ("RU", "rest", ["none", "moscow_spb", "city_1m_plus", "rest"]),
        ("US", "rural", ["none", "urban", "suburban", "rural"]),
        ("US", "Suburban", ["none", "urban", "suburban", "rural"]),
    ],
)
def test_a_link_with_a_settlement_type_seeds_the_selectbox(
    region: str, settlement: str, options: list[str]
) -> None:
    app = open_app(region=region, settlement=settlement)
    box = app.selectbox(key="fit_settlement")
    assert box.value == settlement.lower()
    assert [box.format_func(option) for option in options] == box.options
    assert not app.warning
    summary = " ".join(str(item.value) for item in app.sidebar.markdown)
    assert box.options[options.index(settlement.lower())] in summary
    assert "settlement type" not in markdown_text(app)  # the evidence is filled when open
    caveats = markdown_text(open_evidence(app))
    assert "no source splits" in caveats and "settlement type" in caveats
    assert app.query_params["settlement"] in (settlement.lower(), [settlement.lower()])


@pytest.mark.parametrize(
    ("query", "language", "named"),
    [
        ({"region": "FR", "settlement": "urban"}, "en", "Settlement type"),
        ({"region": "RU", "settlement": "village"}, "en", "Settlement type"),
        ({"settlement": "rest"}, "en", "Settlement type"),
        ({"region": "US", "settlement": "moscow_spb"}, "ru", "Тип населённого пункта"),
    ],
)
def test_a_bad_settlement_type_in_the_link_warns_and_keeps_the_rest(
    query: dict[str, str], language: str, named: str
) -> None:
    app = open_app(**query, gender="female", lang=language)
    assert len(app.warning) == 1
    warning = str(app.warning[0].value)
    assert named in warning
    assert ("United States" if language == "en" else "Соединенные Штаты") in warning
    assert app.segmented_control(key="fit_gender").value == "female"
    assert app.selectbox(key="fit_region").value == query.get("region", "WW")
    boxes = [box.key for box in app.selectbox]
    assert ("fit_settlement" in boxes) == (query.get("region") in ("RU", "US"))
    if "fit_settlement" in boxes:
        assert app.selectbox(key="fit_settlement").value == "none"


def test_the_settlement_selectbox_follows_the_country() -> None:
    app = open_app(region="RU", settlement="city_1m_plus")
    app.selectbox(key="fit_region").select("US").run()
    assert not app.exception
    assert app.selectbox(key="fit_settlement").value == "none"
    app.selectbox(key="fit_settlement").select("suburban").run()
    assert not app.exception
    app.selectbox(key="fit_region").select("DE").run()
    assert not app.exception
    assert "fit_settlement" not in [box.key for box in app.selectbox]
    summary = " ".join(str(item.value) for item in app.sidebar.markdown)
    assert "Suburban" not in summary


RU = Persona(region="RU", age_min=25, age_max=44)


def _view(**change: object) -> object:
    """The Fit page's cached view of RU 25-44, in English, as of 23 Nov 2026, but for one input."""
    import ui.fit

    inputs: dict[str, object] = {
        "persona_json": RU.model_dump_json(),
        "weights_json": Weights().model_dump_json(),
        "language": "en",
        "data": "",
        "as_of": date(2026, 11, 23),
    }
    merged = {**inputs, **change}
    return ui.fit._fit_view(
        str(merged["persona_json"]),
        str(merged["weights_json"]),
        merged["language"],  # type: ignore[arg-type]
        str(merged["data"]),
        merged["as_of"],  # type: ignore[arg-type]
    )


def _status(view: object, platform: str) -> str:
    ranking = view.result.ranking  # type: ignore[attr-defined]
    return str(next(item.status for item in ranking if item.platform == platform))


@pytest.mark.parametrize(
    ("change", "says"),
    [
        # Each row changes one input of the view; the view served must be the changed one's.
        ({"language": "ru"}, lambda view: view.table.columns[0] == "Место"),
        ({"as_of": date(2022, 3, 1)}, lambda view: view.result.as_of == date(2022, 3, 1)),
        ({"as_of": date(2022, 3, 1)}, lambda view: _status(view, "instagram") == "available"),
        (
            {"persona_json": Persona(region="US").model_dump_json()},
            lambda view: view.result.persona.region == "US",
        ),
        (
            {"weights_json": Weights(reach=1, match=0, segment=0).model_dump_json()},
            lambda view: view.result.weights == Weights(reach=1, match=0, segment=0),
        ),
    ],
)
def test_views_that_differ_in_one_input_are_never_served_for_each_other(
    change: dict[str, object], says: object
) -> None:
    """The view cache is shared by every session: a key that forgot an input (the language,
    the day, the persona, the weights) would hand one view out for the other."""
    first = _view()
    assert not says(first)  # type: ignore[operator]
    assert _status(first, "instagram") == "blocked"
    second = _view(**change)
    assert says(second)  # type: ignore[operator]
    assert not says(_view())  # type: ignore[operator]  # and the first is still its own


def test_a_view_is_computed_once_for_every_session(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sessions opening the same link share one assessment (st.cache_data is per server
    process); another language renders it again."""
    import ui.fit

    calls: list[Persona] = []
    real = ui.fit.assess  # type: ignore[attr-defined]

    def counted(persona: Persona, *args: object, **kwargs: object) -> object:
        calls.append(persona)
        return real(persona, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ui.fit, "assess", counted)
    first = open_app(region="DE", age="18-39", lang="en")
    second = open_app(region="DE", age="18-39", lang="en")
    assert pick(first) == pick(second)
    assert len(calls) == 1
    open_app(region="DE", age="18-39", lang="ru")
    assert len(calls) == 2


@pytest.mark.parametrize(("region", "named"), [("TH", "LINE"), ("CN", "WeChat")])
def test_the_messengers_in_the_ranking_are_explained(region: str, named: str) -> None:
    app = open_app(region=region)
    captions = [str(caption.value) for caption in app.caption]
    note = next((c for c in captions if c.startswith("Messengers in this ranking:")), "")
    assert named in note and "not a feed" in note
