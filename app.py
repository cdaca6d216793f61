"""smmfit's entry point: page config, the shared sidebar, and the router. No data code here."""

import streamlit as st

import ui
from smmfit.render import t

# An emoji, not a ":material/...:" icon: for the favicon Streamlit's frontend fetches a
# material icon from fonts.gstatic.com on every page view (the viewer's address to a third
# party; nothing where Google is blocked). An emoji is drawn by the browser (a data: URL).
# The icons inside the app (":material/...:" on pages, buttons, alerts) come from the font
# Streamlit serves itself; tests/test_browser.py fails on any request to another host.
st.set_page_config(page_title="smmfit", page_icon="🎯", layout="wide")

language = ui.language_picker()
page = st.navigation(
    [
        st.Page(
            "pages/fit.py",
            title=t("nav.fit", language),
            icon=":material/leaderboard:",
            default=True,
        ),
        st.Page("pages/plan.py", title=t("plan.nav", language), icon=":material/event_note:"),
        st.Page("pages/platforms.py", title=t("nav.platforms", language), icon=":material/hub:"),
        st.Page(
            "pages/your_data.py",
            title=t("nav.your_data", language),
            icon=":material/upload_file:",
        ),
        st.Page("pages/method.py", title=t("nav.method", language), icon=":material/menu_book:"),
        st.Page(
            "pages/tactics.py",
            title=t("nav.tactics", language),
            icon=":material/policy:",
        ),
    ]
)
ui.run_page(page, language)
# After the page: on the Fit page's first run the form has only just been seeded.
ui.persona_summary(language)
