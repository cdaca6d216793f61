"""Your data: upload own figures; they extend or replace the published ones this session."""

import streamlit as st

import ui
from smmfit.data import MAX_ROWS, MAX_UPLOAD_MB, template_csv
from smmfit.render import escape_markdown, format_number, t, tn
from smmfit.render.i18n import csv_separator
from smmfit.render.tables import figures_frame, problems_frame

language = ui.current_language()
st.title(t("your_data.title", language))
st.markdown(t("your_data.intro", language))
rows = format_number(MAX_ROWS, language)
st.caption(escape_markdown(t("your_data.formats", language, size=MAX_UPLOAD_MB, rows=rows)))

separator = csv_separator(language)
wide, long = st.columns(2)
wide.download_button(
    t("your_data.template", language),
    template_csv("wide", separator),
    file_name="smmfit-template-wide.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)
long.download_button(
    t("your_data.long_template", language),
    template_csv("long", separator),
    file_name="smmfit-template-long.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)

# Streamlit has no way to translate its upload box ("Upload", "5MB per file"): say it here.
st.caption(t("langs.upload_hint", language))
uploaded = st.file_uploader(
    t("your_data.upload", language),
    type=["csv", "xlsx"],
    key=ui.Key.YD_FILE,
    max_upload_size=MAX_UPLOAD_MB,
)
if uploaded is not None:
    ui.take_upload(uploaded.name, uploaded.getvalue(), uploaded.file_id)

problems = ui.user_problems()
if problems:
    st.error(tn("counted.problems", language, len(problems)), icon=":material/error:")
    st.dataframe(problems_frame(problems, language), hide_index=True, width="stretch")

summary = ui.user_data_summary()
if summary:
    count, name = summary
    st.success(tn("counted.loaded", language, count), icon=":material/check_circle:")
    st.dataframe(
        figures_frame(ui.user_figures(), language),
        hide_index=True,
        width="stretch",
    )
    st.button(
        t("your_data.remove", language),
        on_click=ui.remove_user_data,
        key=ui.Key.YD_REMOVE,
        icon=":material/delete:",
    )
else:
    st.info(t("your_data.none", language), icon=":material/info:")
