"""smmfit's entry point: page config, the shared sidebar, and the router. No data code here."""

import streamlit as st

import ui
from smmfit.render import t

st.set_page_config(page_title="smmfit", page_icon=":material/target:", layout="wide")

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
page.run()
# After the page: on the Fit page's first run the form has only just been seeded.
ui.persona_summary(language)
