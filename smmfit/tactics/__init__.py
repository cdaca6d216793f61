"""The tactic checker: a sourced taxonomy of promotion tactics and a classifier of plan lines.

``data/tactics.yaml`` lists tactics (white, gray or black), the rules each one touches, a
safer alternative, the platforms and regions where the verdict differs, and the phrases that
signal the tactic in English, Russian, French and Turkish. A plan is checked line by line:
each line's words are stemmed with the Snowball stemmer of every language and compared with
the stemmed indicator phrases on word boundaries; a negated phrase ("no bots", "без
накрутки") does not count. The most severe tactic found decides the line's verdict; a line
with no known tactic is ``unrecognized`` (review it by hand), never white by default.

The parts, each importing only the ones listed before it:

- ``lexicon``: word lists by language (stop words, negation cues, ...); tokenize, stem, fold.
- ``phrases``: the indicator-phrase language (``Atom``, ``Pattern``) and ``compile_phrase``.
- ``matcher``: ``Matcher``, the index of phrase words, and the search that finds ``Hit`` s.
- ``negation``: the negation rule, ``apply_negation``.
- ``taxonomy``: ``data/tactics.yaml``'s models (``Tactic``, ``Context``, ...), ``load_taxonomy``.
- ``check``: a line's verdict (``judge``) and the plan API (``check_plan``, ``PlanCheck``, ...).

This package owns checking a promotion plan's tactics and is independent of ranking. It may
import only ``smmfit.types``, ``smmfit.models`` and ``smmfit.data`` (for ``DATA_DIR`` and the
platform ids); never ranking, rendering or streamlit. Code outside it imports the names below
from ``smmfit.tactics``, not from the parts.

>>> taxonomy = load_taxonomy()
>>> check_line("Купить 2000 живых подписчиков", taxonomy).verdict
'gray'
>>> check_line("We will not buy followers", taxonomy).verdict
'white'
>>> check_line("Budget: 150 000 RUB a month", taxonomy).verdict
'unrecognized'
"""

from smmfit.tactics.check import (
    LINE_VERDICTS,
    MAX_PLAN_CHARS,
    MAX_PLAN_LINES,
    Confidence,
    LineResult,
    LineVerdict,
    ModelReading,
    PlanCheck,
    PlanError,
    Resemblance,
    check_line,
    check_lines,
    check_plan,
    check_tactics,
    decode_plan,
    plan_lines,
)
from smmfit.tactics.examples import (
    BANK_LANGUAGES,
    EVERYDAY_WORK,
    EXAMPLES_PATH,
    LABELS,
    NEUTRAL,
    PROTECTIVE,
    Example,
    load_examples,
)
from smmfit.tactics.lexicon import INDICATOR_LANGUAGES, stem, tokenize
from smmfit.tactics.phrases import compile_phrase
from smmfit.tactics.semantic import (
    EMBEDDINGS_PATH,
    Encoder,
    Semantics,
    load_encoder,
    load_semantics,
    write_embeddings,
)
from smmfit.tactics.taxonomy import (
    TACTICS_PATH,
    VERDICTS,
    Context,
    Override,
    Rule,
    Tactic,
    Taxonomy,
    TaxonomyError,
    Text,
    Verdict,
    load_taxonomy,
)
from smmfit.tactics.verdict_model import (
    CLASSES,
    MODEL_PATH,
    ModelVerdict,
    VerdictModel,
    load_verdict_model,
    training_fingerprint,
    write_verdict_model,
)

__all__ = [
    "BANK_LANGUAGES",
    "CLASSES",
    "EMBEDDINGS_PATH",
    "EVERYDAY_WORK",
    "EXAMPLES_PATH",
    "INDICATOR_LANGUAGES",
    "LABELS",
    "LINE_VERDICTS",
    "MAX_PLAN_CHARS",
    "MAX_PLAN_LINES",
    "MODEL_PATH",
    "NEUTRAL",
    "PROTECTIVE",
    "TACTICS_PATH",
    "VERDICTS",
    "Confidence",
    "Context",
    "Encoder",
    "Example",
    "LineResult",
    "LineVerdict",
    "ModelReading",
    "ModelVerdict",
    "Override",
    "PlanCheck",
    "PlanError",
    "Resemblance",
    "Rule",
    "Semantics",
    "Tactic",
    "Taxonomy",
    "TaxonomyError",
    "Text",
    "Verdict",
    "VerdictModel",
    "check_line",
    "check_lines",
    "check_plan",
    "check_tactics",
    "compile_phrase",
    "decode_plan",
    "load_encoder",
    "load_examples",
    "load_semantics",
    "load_taxonomy",
    "load_verdict_model",
    "plan_lines",
    "stem",
    "tokenize",
    "training_fingerprint",
    "write_embeddings",
    "write_verdict_model",
]
