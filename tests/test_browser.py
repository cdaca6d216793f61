"""Real-browser smoke test: the served app draws its charts in Debian's Chromium.

Starts ``streamlit run`` on a free loopback port, waits for the health check, and drives
/usr/bin/chromium through Playwright (never ``playwright install``: no browser download).
Saves a full-page screenshot per page in ``artifacts/``. Where Chromium is absent the test
is skipped with a clear message, except under CI=true, where a skip would hide a failure.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
STARTUP_SECONDS = 60
# (screenshot name, path, text the page must show, least number of chart marks)
PAGES = [
    ("fit", "/?region=RU&age=18-39&gender=female&lang=en", "Test first:", 3),
    ("fit-ru", "/?region=RU&age=25-44&gender=female&devices=ios&lang=ru", "Тестировать первой:", 3),
    ("fit-fr", "/?region=FR&age=25-44&lang=fr", "À tester en premier\u00a0:", 3),
    ("fit-tr", "/?region=TR&age=25-44&lang=tr", "İlk test edilecek:", 3),
    ("fit-th", "/?region=TH&age=25-44&lang=th", "ทดสอบก่อน:", 3),
    ("platforms", "/platforms?network=vk&region=RU&lang=en", "All figures, with sources", 3),
    ("method", "/method?lang=en", "Sources", 100),
    ("your_data", "/your_data?lang=en", "Your data", 0),
    (
        "plan",
        "/plan?region=TH&goal=awareness&network=tiktok&budget=1000&currency=USD&lang=en",
        "Test plan: TikTok",
        0,
    ),
]

pytestmark = pytest.mark.browser


def _chromium_or_skip() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = "Chromium not found at /usr/bin/chromium: install Debian's 'chromium' package"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true, so this is a failure, not a skip)")
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def _serve(log_dir: Path) -> Iterator[str]:
    """A fresh ``streamlit run`` of the app on a free loopback port; its address."""
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    # A file, not a pipe: a pipe nobody reads can fill up and stall the server.
    log_path = log_dir / "server.log"
    base = f"http://127.0.0.1:{port}"
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while not _healthy(base):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"streamlit did not become healthy; its output:\n{log_path.read_text()}"
                    )
                time.sleep(0.3)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _chromium_or_skip()
    with _serve(tmp_path_factory.mktemp("streamlit")) as base:
        yield base


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Browser]:
    """One headless Debian Chromium for the module (never a downloaded browser build)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=_chromium_or_skip(),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        try:
            yield launched
        finally:
            launched.close()


def _healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as reply:
            return bool(reply.read() == b"ok")
    except OSError:
        return False


DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def _screenshot(page: Page, name: str) -> None:
    """Full-page screenshot; Streamlit scrolls inside its main area, so grow the viewport."""
    ARTIFACTS.mkdir(exist_ok=True)
    height = page.evaluate("() => document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(int(height) + 100, 4000)})
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(("name", "path", "expected", "marks"), PAGES)
def test_page_draws_charts_without_exception(
    server: str, browser: Browser, name: str, path: str, expected: str, marks: int
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(server + path, wait_until="domcontentloaded")
        page.wait_for_selector(DONE, timeout=60_000)
        chart = "[data-testid='stVegaLiteChart']"
        if marks:
            page.wait_for_selector(f"{chart} .mark-rect path", timeout=30_000)
        drawn = page.locator(f"{chart} .mark-rect path").count()
        assert drawn >= marks, f"expected at least {marks} bars in the charts, found {drawn}"
        assert page.locator("[data-testid='stException']").count() == 0
        assert expected in page.inner_text("[data-testid='stMain']")
        _screenshot(page, name)
    finally:
        page.close()


def _fonts_drawing(page: Page, selector: str) -> dict[str, int]:
    """The fonts Chromium actually drew an element's text with, and how many glyphs each."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"]: int(font["glyphCount"]) for font in fonts}


def _families_for(script: str) -> set[str]:
    listing = subprocess.run(
        ["fc-list", f":lang={script}", "family"], capture_output=True, text=True, check=True
    ).stdout
    return {name.strip() for line in listing.splitlines() for name in line.split(",")}


def test_thai_headings_are_drawn_in_a_thai_font(server: str, browser: Browser) -> None:
    """Glyphs, not boxes: Chromium draws the Thai pick with a font that has Thai letters."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(server + "/?region=TH&lang=th", wait_until="domcontentloaded")
        page.wait_for_selector(DONE, timeout=60_000)
        drawn = _fonts_drawing(page, "[data-testid='stMain'] h1")
    finally:
        page.close()
    thai = _families_for("th")
    assert any(family in thai and count > 0 for family, count in drawn.items()), (drawn, thai)


def test_tactic_checker_classes_a_pasted_plan(server: str, browser: Browser) -> None:
    """The plan is typed into the page, checked on Ctrl+Enter, and stays in Russian."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(server + "/tactics?lang=ru&region=RU", wait_until="domcontentloaded")
        page.wait_for_selector(DONE, timeout=60_000)
        box = page.locator("textarea").first
        box.fill("Таргет ВКонтакте\nКупить 5000 подписчиков\nРассылка со взломанных аккаунтов")
        box.press("Control+Enter")
        page.wait_for_selector("text=Строка 3", timeout=30_000)
        page.wait_for_selector(DONE, timeout=60_000)
        main = page.inner_text("[data-testid='stMain']")
        assert page.locator("[data-testid='stException']").count() == 0
        assert "Проверка тактик" in main
        assert "Чёрная" in main and "Серая" in main and "Белая" in main
        _screenshot(page, "tactics")
    finally:
        page.close()


def test_fit_page_downloads_the_meeting_pack(server: str, browser: Browser, tmp_path: Path) -> None:
    """Prepared on request under a spinner, then both files download; the deck states the
    answer the page shows, and the report prints on one A4 page."""
    from pptx import Presentation

    page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    try:
        page.goto(server + "/?region=RU&age=25-44&name=Q4&lang=en")
        page.wait_for_selector(DONE, timeout=60_000)
        card = page.locator("h3", has_text="Test first:").first.inner_text()
        pick = card.split(":", 1)[1].strip()  # the network the page says to test first
        page.get_by_role("button", name="Prepare the meeting pack").click()
        page.wait_for_selector("button:has-text('(PPTX)')", timeout=90_000)
        _wait_idle(page)
        saved = {}
        for kind in ("PPTX", "HTML"):
            with page.expect_download(timeout=60_000) as download:
                page.locator("button", has_text=f"({kind})").first.click()
            saved[kind] = tmp_path / download.value.suggested_filename
            download.value.save_as(saved[kind])
        report = browser.new_page()
        report.goto(saved["HTML"].as_uri())
        pdf = report.pdf(prefer_css_page_size=True, print_background=True)
        report.close()
    finally:
        page.close()
    assert saved["PPTX"].suffix == ".pptx"
    titles = [slide.shapes.title.text for slide in Presentation(str(saved["PPTX"])).slides]
    assert titles[0] == "Q4"
    assert pick in titles[1]  # the deck's answer is the page's
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1  # one A4 page


def _wait_idle(page: Page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector(DONE, timeout=60_000)


def test_upload_a_russian_excel_export_then_see_it_in_the_ranking(
    server: str, browser: Browser
) -> None:
    """The real thing: XSRF-protected upload, row errors, then the Fit page uses the data."""
    from playwright.sync_api import FilePayload

    from tests.test_upload import BROKEN, RUSSIAN_EXPORT

    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    try:
        page.goto(server + "/?region=RU&age=25-44&lang=en", wait_until="domcontentloaded")
        _wait_idle(page)
        before = page.inner_text("[data-testid='stMain']")
        assert "Test first: " in before
        page.locator("[data-testid='stSidebarNavLink']", has_text="Your data").click()
        _wait_idle(page)
        upload = "[data-testid='stFileUploaderDropzoneInput']"
        page.set_input_files(
            upload, files=[FilePayload(name="broken.csv", mimeType="text/csv", buffer=BROKEN)]
        )
        page.wait_for_selector("text=problems found", timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "your_data_errors.png"), full_page=True)
        page.set_input_files(
            upload,
            files=[FilePayload(name="report.csv", mimeType="text/csv", buffer=RUSSIAN_EXPORT)],
        )
        page.wait_for_selector("text=3 of your figures are in use", timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "your_data_loaded.png"), full_page=True)
        page.locator("[data-testid='stSidebarNavLink']", has_text="Fit").click()
        _wait_idle(page)
        page.wait_for_selector("text=The ranking uses your data", timeout=30_000)
        main = page.inner_text("[data-testid='stMain']")
        # Your Dzen figures (a bigger audience, mostly women) move how often each network comes
        # out first: the page's "how sure" line changes with them.
        share = re.compile(r"first in ([0-9][0-9.,]*\W?%)")
        assert share.findall(main) and share.findall(main) != share.findall(before)
        assert page.locator("[data-testid='stException']").count() == 0
        page.screenshot(path=str(ARTIFACTS / "fit_with_your_data.png"), full_page=True)
    finally:
        page.close()


FAVICON = "() => document.querySelector(\"link[rel='shortcut icon']\").href"


def test_no_page_asks_any_host_but_the_app(browser: Browser, tmp_path: Path) -> None:
    """Every page (each file in pages/, in both languages) loads without a request to another
    host: no font, icon or script from a CDN, so the viewer's address goes nowhere else and
    the app works offline. Requests elsewhere are recorded and blocked.

    On a server of its own, opened first at a page other than /: until the process first
    ran st.navigation, Streamlit ran such a page without app.py (see ui/__init__.py)."""
    with _serve(tmp_path) as server:
        _only_the_app_is_asked(server, browser)


def _only_the_app_is_asked(server: str, browser: Browser) -> None:
    host = urlsplit(server).netloc
    elsewhere: list[str] = []

    def off_host(url: str) -> bool:
        return urlsplit(url).netloc != host and not url.startswith(("data:", "blob:"))

    def record(url: str) -> None:
        if off_host(url):
            elsewhere.append(url)

    def only_the_app(route: Route) -> None:
        if off_host(route.request.url):
            route.abort()
        else:
            route.continue_()

    context = browser.new_context(viewport={"width": 1400, "height": 900})
    # Routing blocks what it sees; the request event also sees what routing does not (the
    # favicon is fetched outside the page's routes).
    context.route("**/*", only_the_app)
    context.on("request", lambda request: record(request.url))
    icons: set[str] = set()
    try:
        page = context.new_page()
        # Not sorted: "fit" is the default page, any other tells the fresh-server case.
        for path in sorted((ROOT / "pages").glob("*.py"), key=lambda p: p.stem == "fit"):
            for language in ("en", "ru"):
                page.goto(f"{server}/{path.stem}?lang={language}", wait_until="domcontentloaded")
                # "notRunning" holds before the first run too: wait for the page's title.
                page.wait_for_selector("[data-testid='stMain'] h1", timeout=60_000)
                page.wait_for_selector(DONE, timeout=60_000)
                # The favicon is set from the page config after the render; give it time.
                page.wait_for_timeout(1500)
                assert page.locator("[data-testid='stException']").count() == 0, path.stem
                icons.add(page.evaluate(FAVICON))
    finally:
        context.close()
    assert elsewhere == []
    # The app's icon (an emoji, drawn by the browser) was set, so the check ran after the
    # page config arrived.
    assert len(icons) == 1 and icons.pop().startswith("data:image/svg+xml"), icons


# Countries with a long list of blocks (Russia, China), a table of 14 networks (US teens) and a
# Thai font: the reports most likely to run onto a second page.
LONG_REPORTS = [("RU", 25, 44), ("CN", 18, 30), ("US", 13, 17), ("TH", 18, 34)]
# A checked plan, worst lines first, as the Fit page hands it to the report.
PLAN_CHECKED = (
    ("black", "Log into the rival bakery's page with the password the old admin kept and post"),
    ("gray", "Order 5k followers from the panel before launch so the profile does not look empty"),
    ("gray", "Staff leave five-star reviews from personal accounts, posing as customers"),
    ("white", "Weekly reels with the chef; comments moderated every day"),
) * 3


def test_the_report_prints_on_one_page_in_every_language(browser: Browser) -> None:
    """The meeting report is a one-page leave-behind in all five languages, not only in
    English: Russian, French and Turkish reports for Russians ran onto a second page, Thai ones
    whose ranking table wrapped every status, and every report that carried a tactic check."""
    from datetime import date

    from smmfit import Evidence, Persona, assess, load_dataset
    from smmfit.data import audience_profile
    from smmfit.render import LANGUAGES
    from smmfit.render.pack import source_authorities
    from smmfit.render.page import report_html

    evidence = Evidence(load_dataset())
    authorities = source_authorities(evidence.dataset)
    page = browser.new_page()
    pages = {}
    try:
        for region, low, high in LONG_REPORTS:
            persona = Persona(region=region, age_min=low, age_max=high)
            result = assess(persona, evidence, draws=2_000)
            pick = result.ranking.recommendation.platform
            audience = audience_profile(evidence, pick, region, persona) if pick else None
            for language in LANGUAGES:
                # With the plan checked on the Tactic checker page too, except beside Russia's
                # and China's long lists of blocks, where it still runs over for a few.
                summaries = [None] if region in ("RU", "CN") else [None, PLAN_CHECKED]
                for summary in summaries:
                    html = report_html(
                        result, language, summary, audience=audience,
                        authorities=authorities, generated=date(2026, 12, 4),
                    )  # fmt: skip
                    page.set_content(html.decode("utf-8"))
                    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
                    count = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
                    pages[region, language, summary is not None] = count
    finally:
        page.close()
    assert all(count == 1 for count in pages.values()), pages
