"""The words of a plan line: word lists by language, and the tokenizer every comparison uses.

The lists (stop words, negation cues, contrast words, conjunctions) hold English, Russian,
French and Turkish words side by side; edit them here without reading the matcher.
``tokenize`` cuts a line into :class:`Token` s; ``normalise_word``, ``stem`` and ``fold``
give the forms a line's words and a phrase's words are compared in.

>>> [(token.text, token.cue) for token in tokenize("No bots, без накрутки")]
[('no', True), ('bots', False), ('без', True), ('накрутки', False)]
"""

# Word lists in Russian, French and Turkish look like Latin to the ambiguity checks.

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal, get_args

import snowballstemmer

IndicatorLanguage = Literal["en", "ru", "fr", "tr"]
INDICATOR_LANGUAGES: tuple[IndicatorLanguage, ...] = get_args(IndicatorLanguage)

STEMMERS: dict[IndicatorLanguage, str] = {
    "en": "english",
    "ru": "russian",
    "fr": "french",
    "tr": "turkish",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, dropped from lines and phrases alike so "acheter des abonnés" and "acheter
# 10 000 abonnés" match. Negation words are deliberately absent: they carry meaning.
STOP_WORDS = _words(
    """
    a an the of to for in on at by with from into onto under over via per our your their my
    we you they it its this that these those is are be been will would can could should
    and or us them so as also just then than there
    и в во на с со к ко по для от из у о об обо за до при под над через а же мы вы наш наша
    наше наши нас вас их это этот эта эти то что чтобы как ещё еще уже так тоже будет будем
    будут есть
    le la les l un une des du de d au aux à et ou en pour par sur dans avec nos notre vos
    votre nous vous on qui que qu ce cet cette ces se s son sa ses leur leurs est sont être
    ve ile bir bu şu için da de ki
    """
)
# A negation word before a phrase (within a few words) or inside it means the line does not
# use the tactic.
NEGATION_CUES = _words(
    """
    no not never without none nor neither avoid avoids avoiding instead stop zero refuse against
    не нет без против ни никаких никакой никакие никакого никакую никогда вместо избегаем избегать
    отказ отказываемся отказаться исключаем исключить ноль
    ne n pas sans jamais aucun aucune ni non plutôt lieu éviter évitons zéro
    asla hiç hiçbir
    """
)
# Negation words that follow what they negate ("bot takipçi yok", "buying followers is banned").
POST_NEGATION_CUES = _words(
    """
    forbidden banned prohibited excluded запрещено запрещена запрещены запрещен исключено
    нельзя interdit interdite interdits interdites exclu exclus yok değil olmadan yasak yerine
    """
)
# Turkish negates verbs with a suffix: almıyoruz, almayacağız, almaz.
_TURKISH_NEGATIVE_VERB = re.compile(
    r"\w{2,}(m[ıiuü]yor\w*|ma[yı]acak\w*|me[yi]ecek\w*|maz|mez|mayız|meyiz)$"
)
# Words between a negation and a phrase that cancel it: "don't forget to buy followers",
# "не только контент, но и накрутка", "n'oubliez pas d'acheter".
NEGATION_BREAKERS = _words(
    "forget forgetting only just doubt забыть забудь забудьте забываем только сомнения "
    "oublier oubliez oublie seulement doute unutma unutmayın sadece"
)
# Words that end the reach of a negation: "no bots, but buy followers".
CONTRAST_WORDS = _words("but however yet но однако а зато mais cependant pourtant ama fakat ancak")
# Words that carry a negation on to the next item: "no bots or fake followers".
CONJUNCTIONS = _words("and or nor и или ни да et ou ni ve veya ya")

# Characters that end a phrase match (and a negation's reach); commas and quotes end only a
# negation's reach, so "«ставь лайк, если согласен»" is still one phrase.
_MATCH_BREAKS = frozenset(".;:!?()[]{}+")
_NEGATION_BREAKS = frozenset(',"«»“”„')
_LEXER = re.compile(
    r"(?P<neg>[^\W_]+n['’]t)(?![^\W_])"  # English contractions: don't, won't, can't
    r"|(?P<word>#?[^\W_]+(?:[.,]\d+)*)"
    r"|(?P<money>[$€£₽¥])"
    r"|(?P<dash>\s[-–—]+\s)"
    r"|(?P<punct>[.;:!?()\[\]{}+,\"«»“”„])"
)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*[kкmм%]?$")


def fold(word: str) -> str:
    """Without accents, for prefixes written either way ("achète" and "achet*").

    >>> fold("achète"), fold("réduction")
    ('achete', 'reduction')
    """
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_word(word: str) -> str:
    """Lower case, ё as е, NFC: the form every comparison uses.

    >>> normalise_word("Ёлка")
    'елка'
    """
    return unicodedata.normalize("NFC", word.lower()).replace("ё", "е")


@cache
def _stemmer(language: IndicatorLanguage) -> Any:
    return snowballstemmer.stemmer(STEMMERS[language])


@lru_cache(maxsize=200_000)
def stem(word: str, language: IndicatorLanguage) -> str:
    """The Snowball stem of an already normalised word.

    >>> stem("подписчиков", "ru"), stem("abonnés", "fr"), stem("followers", "en")
    ('подписчик', 'abon', 'follow')
    """
    return str(_stemmer(language).stemWord(word))


@dataclass(frozen=True)
class Token:
    """A word of a line: its normalised form, where it is, and what it is."""

    text: str
    start: int
    end: int
    segment: int  # phrases match only within one segment
    clause: int  # negations reach only within one clause
    number: bool
    stop: bool
    cue: bool
    post_cue: bool


def tokenize(line: str) -> list[Token]:
    """Words of a line with their spans, segments and clauses.

    >>> [t.text for t in tokenize("Don't buy 10,000 followers!")]
    ['not', 'buy', '10,000', 'followers']
    """
    tokens: list[Token] = []
    segment = clause = 0
    for match in _LEXER.finditer(line):
        kind = match.lastgroup
        if kind in ("dash", "punct"):
            mark = match.group().strip()[:1]
            if kind == "dash" or mark in _MATCH_BREAKS:
                segment += 1
                clause += 1
            elif mark in _NEGATION_BREAKS:
                clause += 1
            continue
        text = "not" if kind == "neg" else normalise_word(match.group())
        # A currency sign counts like a number: "$500", "5000 ₽".
        money = kind == "money"
        if text in CONTRAST_WORDS:
            clause += 1
        tokens.append(
            Token(
                text=text,
                start=match.start(),
                end=match.end(),
                segment=segment,
                clause=clause,
                number=money or bool(_NUMBER.match(text)),
                stop=text in STOP_WORDS,
                cue=text in NEGATION_CUES,
                post_cue=text in POST_NEGATION_CUES or bool(_TURKISH_NEGATIVE_VERB.match(text)),
            )
        )
    return tokens
