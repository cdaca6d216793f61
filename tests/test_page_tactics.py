"""The Tactic checker page in AppTest: a pasted plan or a checklist in, verdicts per line out,
in both languages, with country and platform from the selectors or the link."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from smmfit.tactics import MAX_PLAN_CHARS

# The page file itself: in AppTest a switch_page from the router loses the sidebar's language
# on the next run, so the language is seeded in session state as the sidebar would leave it.
# tests/test_app_smoke.py runs the page through the router.
PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "tactics.py")
PLAN = "Weekly reels\nBuy 5k followers\nUse hacked accounts to spam\nBudget: 1000 EUR"


def open_page(lang: str = "en", **query: str) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=30)
    app.session_state["lang"] = lang
    app.query_params.update(query)
    app.run()
    assert not app.exception, app.exception
    return app


def paste(app: AppTest, text: str) -> AppTest:
    app.text_area(key="tactics_plan").input(text).run()
    assert not app.exception, app.exception
    return app


def line_headings(app: AppTest) -> list[str]:
    """The first Markdown of each result: icon, verdict word, line number and text."""
    return [str(m.value) for m in app.markdown if " · " in str(m.value)]


def metrics(app: AppTest) -> dict[str, str]:
    return {str(m.label).split(" ", 1)[1]: str(m.value) for m in app.metric}


def test_an_empty_page_invites_a_plan() -> None:
    app = open_page(lang="en")
    assert app.title[0].value == "Tactic checker"
    assert any("Paste a plan above" in str(info.value) for info in app.info)
    assert not app.metric


def test_a_plan_gets_a_verdict_per_line_worst_first() -> None:
    app = paste(open_page(lang="en"), PLAN)
    assert metrics(app) == {"Black": "1", "Gray": "1", "Unrecognized": "1", "White": "1"}
    headings = line_headings(app)
    assert headings[0] == ":material/dangerous: **Black** · Line 3: Use hacked accounts to spam"
    assert [h.split("**")[1] for h in headings] == ["Black", "Gray", "Unrecognized", "White"]
    details = " ".join(str(m.value) for m in app.markdown)
    assert "Safer alternative" in details and "Spam from hacked accounts" in details
    assert "review this line by hand" in details
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["Download the report (CSV)", "Download the report (Markdown)"]


def test_russian_page() -> None:
    app = paste(open_page(lang="ru"), PLAN)
    assert app.title[0].value == "Проверка тактик"
    assert metrics(app)["Чёрная"] == "1"
    assert line_headings(app)[0].startswith(":material/dangerous: **Чёрная** · Строка 3")
    assert "Безопасная альтернатива" in " ".join(str(m.value) for m in app.markdown)


def test_country_changes_the_verdict_where_the_law_differs() -> None:
    app = paste(open_page(lang="en"), "Placement de produit non déclaré")
    assert metrics(app)["Gray"] == "1"
    app.selectbox(key="tactics_region").select("FR").run()
    assert metrics(app)["Black"] == "1" and metrics(app)["Gray"] == "0"
    details = " ".join(str(m.value) for m in app.markdown)
    assert "**Different here**: France, loi n° 2023" in details


def test_platform_changes_the_verdict_and_comes_from_the_link() -> None:
    app = open_page(lang="en", platform="twitter")
    assert app.selectbox(key="tactics_platform").value == "x"
    paste(app, "Auto-DM new followers who opted in")
    assert metrics(app)["White"] == "1"
    app.selectbox(key="tactics_platform").select("any").run()
    assert metrics(app)["Gray"] == "1"


def test_a_bad_link_falls_back_to_any_and_says_so() -> None:
    app = open_page(lang="en", region="XX", platform="myspace")
    assert app.selectbox(key="tactics_region").value == "WW"
    assert app.selectbox(key="tactics_platform").value == "any"
    assert [w.value for w in app.warning] == [
        "Some values in the link were not valid and were replaced by defaults: Country, Platform."
    ]


def test_a_bad_platform_alone_keeps_the_country() -> None:
    app = open_page(lang="ru", region="ru", platform="myspace")
    assert app.selectbox(key="tactics_region").value == "RU"
    assert app.selectbox(key="tactics_platform").value == "any"
    assert len(app.warning) == 1 and "Площадка" in app.warning[0].value


def test_the_link_follows_the_selectors() -> None:
    app = open_page(lang="en")
    app.selectbox(key="tactics_region").select("RU").run()
    app.selectbox(key="tactics_platform").select("vk").run()
    assert app.query_params["region"] in ("RU", ["RU"])
    assert app.query_params["platform"] in ("vk", ["vk"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("buy\x00followers\x01\x02", "does not look like text"),
        ("x" * (MAX_PLAN_CHARS + 1), "characters; the checker takes up to 100,000"),
    ],
)
def test_bad_input_explains_and_keeps_the_plan(text: str, message: str) -> None:
    app = paste(open_page(lang="en"), text)
    assert len(app.error) == 1 and message in str(app.error[0].value)
    assert app.text_area(key="tactics_plan").value == text
    assert not app.metric


def test_checklist_grouped_by_verdict() -> None:
    app = open_page(lang="en")
    expanders = [str(e.label) for e in app.expander]
    assert expanders[:3] == [
        ":material/check_circle: Usually white",
        ":material/warning: Usually gray",
        ":material/dangerous: Usually black",
    ]
    assert any("Tick one or more tactics" in str(info.value) for info in app.info)
    app.checkbox(key="tactics_pick_undisclosed_influencer_ads").check().run()
    app.checkbox(key="tactics_pick_useful_content").check().run()
    app.selectbox(key="tactics_region").select("FR").run()
    assert not app.exception
    assert metrics(app) == {"Black": "1", "Gray": "0", "Unrecognized": "0", "White": "1"}


def test_switching_tabs_keeps_the_pasted_plan() -> None:
    app = paste(open_page(lang="en"), PLAN)
    app.checkbox(key="tactics_pick_useful_content").check().run()
    assert app.text_area(key="tactics_plan").value == PLAN


@pytest.mark.parametrize(
    ("lang", "white_means", "confidence"),
    [
        ("en", "White means nothing harmful was recognised", "Confidence"),
        ("ru", "Белая значит, что ни фразы, ни смысл строки", "Уверенность"),
    ],
)
def test_white_is_explained_and_a_harmful_paraphrase_is_caught(
    lang: str, white_means: str, confidence: str
) -> None:
    """The v1 misses a strategist reported: a fake login page and a hack came out
    unrecognized. Both are black now, with the example they resemble and a confidence."""
    app = paste(
        open_page(lang=lang),
        "Set up a fake Meta support login page to grab admin passwords\n"
        "Hack the competitor's Instagram and post our offer from it",
    )
    assert any(white_means in str(caption.value) for caption in app.caption)
    assert metrics(app)["Black" if lang == "en" else "Чёрная"] == "2"
    details = " ".join(str(m.value) for m in app.markdown)
    assert confidence in details
