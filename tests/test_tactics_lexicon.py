"""smmfit.tactics.lexicon: the tokenizer's words, segments and clauses."""

# Plan lines in Russian and French look like Latin to the ambiguity check.

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from smmfit.tactics import tokenize
from smmfit.tactics.lexicon import split_actions, split_thai


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("Don't buy 10,000 followers!", ["not", "buy", "10,000", "followers"]),
        ("#ad posts; $500", ["#ad", "posts", "$", "500"]),
        ("Ёлка n'achète", ["елка", "n", "achète"]),
        ("контент-план", ["контент", "план"]),
        # Thai has no spaces: PyThaiNLP's segmenter cuts it, words no phrase uses too
        ("เราไม่ซื้อผู้ติดตาม", ["เรา", "ไม่", "ซื้อ", "ผู้ติดตาม"]),
        ("แฮ็กบัญชีคู่แข่ง", ["แฮ็ก", "บัญชี", "คู่แข่ง"]),
        ("เน้นโตแบบยั่งยืน", ["เน้น", "โต", "แบบ", "ยั่งยืน"]),
        # the words run together in a handle, and a run of star signs is one word
        ("@NikeSupportTeam", ["nike", "support", "team"]),
        ("@InstagramSupportFR2", ["instagram", "support", "fr", "2"]),
        ("@TrendyolDestekEkibi", ["trendyol", "destek", "ekibi"]),
        ("@ПоддержкаВК", ["поддержка", "вк"]),
        ("#GiftedByUs", ["#giftedbyus"]),
        ("rate us ★★★★★", ["rate", "us", "★"]),
        ("ให้ 5⭐", ["ให้", "5", "★"]),
        # v5: a blogger is not "block" + "ger", "everything" is not "every" + "don't"
        ("แชตกับบล็อกเกอร์หลุด", ["แชต", "กับ", "บล็อกเกอร์", "หลุด"]),
        ("ทุกอย่างจะเงียบ", ["ทุกอย่าง", "จะ", "เงียบ"]),
        ("เราไม่เคยขอรหัส", ["เรา", "ไม่เคย", "ขอ", "รหัส"]),
        # a Turkish case ending after an apostrophe is left out; a French elision and an
        # English "'s" are words
        ("İYS'ye eklemeden LinkedIn’den", ["i̇ys", "eklemeden", "linkedin"]),
        ("Google'a yorum", ["google", "yorum"]),
        ("jusqu'à ce qu'il l'a", ["jusqu", "à", "ce", "qu", "il", "l", "a"]),
        ("the client's page", ["the", "client", "s", "page"]),
    ],
)
def test_tokenize(line: str, words: list[str]) -> None:
    assert [token.text for token in tokenize(line)] == words


def test_a_full_stop_ends_a_phrase_a_comma_ends_only_a_negation() -> None:
    tokens = tokenize("a b, c. d")
    assert [t.segment for t in tokens] == [0, 0, 0, 1]
    assert [t.clause for t in tokens] == [0, 0, 1, 2]


@pytest.mark.parametrize(
    "line",
    [
        "X | thread with visuals | Tue 10h",
        "VK | карусель | суббота",
        "TikTok | vidéo coulisses | mardi",
        "X | görselli flood | çarşamba",
        "YouTube | คลิปสอน | อังคาร",
    ],
)
def test_a_pipe_separates_the_cells_of_a_media_plan_row(line: str) -> None:
    """Each cell is a field of its own: no phrase spans two, no negation reaches across."""
    tokens = tokenize(line)
    cell_of = [line[: t.start].count("|") for t in tokens]
    assert [t.segment for t in tokens] == cell_of
    assert [t.clause for t in tokens] == cell_of


@pytest.mark.parametrize(
    ("word", "protective", "negative_verb"),
    [
        ("report", True, False),
        ("блокируем", True, False),
        ("signalons", True, False),
        ("engelliyoruz", True, False),
        ("บล็อก", True, False),
        ("almıyoruz", False, True),
        ("vermeden", False, True),
        ("almak", False, False),
        # v4: Russian present and infinitive of "clean", Turkish "remove", English "ban";
        # Turkish "let's not" and "let them not"
        ("чистим", True, False),
        ("чистые", False, False),
        ("kaldıralım", True, False),
        ("temizleyelim", True, False),
        ("bans", True, False),
        ("banner", False, False),
        ("yazmayalım", False, True),
        ("koymasınlar", False, True),
        ("görünmesin", False, True),
        # warning people about a harm fights it
        ("warn", True, False),
        ("предупреждаем", True, False),
        ("prévenir", True, False),
        ("uyaralım", True, False),
        ("เตือน", True, False),
        ("yarışma", False, False),
        ("buy", False, False),
        # v5: banning a bot in every language; a Thai word is protective only whole
        ("баним", True, False),
        ("bannir", True, False),
        ("banlıyoruz", True, False),
        ("แบน", True, False),
        ("банк", False, False),
        ("บล็อกเกอร์", False, False),
        ("erişilemez", False, True),
        # v8: the Turkish past negated ("test yapılmadı", "almadık", "gelmedi"), not French
        # "samedi"; Turkish "sil" (delete) guards only a warning, it is not protective
        ("yapılmadı", False, True),
        ("almadık", False, True),
        ("vermediler", False, True),
        ("samedi", False, False),
        ("silelim", False, False),
    ],
)
def test_protective_actions_and_turkish_negative_verbs(
    word: str, protective: bool, negative_verb: bool
) -> None:
    (token,) = tokenize(word)
    assert (token.protective, token.negative_verb) == (protective, negative_verb)


def test_every_thai_phrase_word_is_known_to_the_segmenter() -> None:
    """A Thai phrase word missing from THAI_WORDS would never be cut out of a line."""
    from smmfit.tactics import load_taxonomy
    from smmfit.tactics.lexicon import THAI_WORDS
    from smmfit.tactics.phrases import expand_classes

    for tactic in load_taxonomy().tactics:
        for phrase in tactic.indicators.th:
            # "!" (negated only) and " ... " (anywhere) mark the phrase, not a word; Latin
            # words ("otp") and signs ("=★") are cut out by the lexer, not the segmenter;
            # a word class ("@winner") is checked by its words.
            for word in expand_classes(phrase, "th").removeprefix("!").split():
                for alternative in word.split("|"):
                    if re.search(r"[\u0e00-\u0e7f]", alternative):
                        assert alternative in THAI_WORDS, (tactic.id, phrase, alternative)


@pytest.mark.parametrize(
    ("run", "words"),
    [
        # The letters between the checker's words are cut too: "จอง" (book) is found.
        ("โอนมัดจำแล้วได้จองจริง", ["โอน", "มัดจำ", "แล้ว", "ได้", "จอง", "จริง"]),
        ("ลูกค้าไม่ค่อยตอบแชท", ["ลูกค้า", "ไม่", "ค่อย", "ตอบ", "แชท"]),
        # The checker's words come first: PyThaiNLP alone reads "บอ", "กว่า" and hides the
        # negation inside "ไม่ต้อง" and "ไม่มีปัญหา".
        ("โดยไม่บอกว่าเป็นสปอนเซอร์", ["โดย", "ไม่", "บอก", "ว่า", "เป็น", "สปอนเซอร์"]),
        ("ไม่ต้องแท็กเพื่อน", ["ไม่", "ต้อง", "แท็ก", "เพื่อน"]),
        ("ไม่มีปัญหา", ["ไม่มี", "ปัญหา"]),
        ("โลโก้กระทรวงสาธารณสุข", ["โลโก้", "กระทรวง", "สาธารณสุข"]),
        # a checker's word is never read inside another word: not "ปิด" (close) in "เปิด"
        # (open), not "งด" (abstain) across "เครื่อง|ดู" (session 22)
        ("เปิดเพจใหม่", ["เปิด", "เพจ", "ใหม่"]),
        ("คุมเครื่องดูแอปธนาคาร", ["คุม", "เครื่อง", "ดู", "แอป", "ธนาคาร"]),
    ],
)
def test_thai_segmentation_keeps_the_checkers_words_and_cuts_the_rest(
    run: str, words: list[str]
) -> None:
    assert [run[low:high] for low, high in split_thai(run)] == words


def test_thai_segmentation_writes_nothing_and_fetches_nothing(tmp_path: Path) -> None:
    """PyThaiNLP makes ~/pythainlp-data on first use unless told it is read-only."""
    script = "from smmfit.tactics.lexicon import tokenize; print(len(tokenize('ได้จองแล้ว')))"
    environment = {**os.environ, "HOME": str(tmp_path)}
    environment.pop("PYTHAINLP_READ_ONLY", None)
    environment.pop("PYTHAINLP_OFFLINE", None)
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    )
    assert done.stdout.strip() == "3"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("line", "word", "cue"),
    [
        # a negation right after "if" states a condition, it refuses nothing
        ("if they don't send the code", "not", False),
        ("если не пришлют код", "не", False),
        ("s'ils ne confirment pas le code", "pas", False),
        ("ถ้าไม่ส่งรหัส", "ไม่", False),
        ("eğer hiç kod yoksa", "hiç", False),
        ("we don't send codes", "not", True),
        # French "ne" negates only with its partner; alone it is Turkish "ne" (what, how)
        ("nous n'achetons pas", "n", True),
        ("ne kadar çok bilet", "ne", False),
        ("ne bot ne sahte takipçi", "ne", True),
    ],
)
def test_conditions_and_a_lone_ne_negate_nothing(line: str, word: str, cue: bool) -> None:
    (token,) = [t for t in tokenize(line) if t.text == word][:1]
    assert token.cue == cue


@pytest.mark.parametrize(
    "line",
    [
        "the page is deleted if they don't confirm",
        "страницу удалят, если не подтвердят",
        "la page sera supprimée si le code manque",
        "ลบเพจถ้าไม่ส่งรหัส",
        "hesap silinir eğer kod gelmezse",
    ],
)
def test_a_condition_starts_a_clause(line: str) -> None:
    """What comes before "if" does not reach into the condition."""
    tokens = tokenize(line)
    (index,) = [i for i, t in enumerate(tokens) if t.text in ("if", "если", "si", "ถ้า", "eğer")]
    assert tokens[index].clause > tokens[0].clause


@pytest.mark.parametrize(
    ("word", "use"),
    [
        ("buy", True),
        ("накрутить", True),
        ("satın", True),
        # nouns and participles of the same roots name a thing, not a new action
        ("накруток", False),
        ("купленные", False),
        ("achetés", False),
        ("покупки", False),
    ],
)
def test_verbs_of_getting_and_their_nouns(word: str, use: bool) -> None:
    from smmfit.tactics.lexicon import is_use_verb

    assert is_use_verb(word) == use


@pytest.mark.parametrize(("line", "cue"), [("เราไม่เคยขอรหัส", "ไม่เคย"), ("ห้ามใช้บอท", "ห้าม")])
def test_thai_never_and_do_not_are_negations(line: str, cue: str) -> None:
    (token,) = [t for t in tokenize(line) if t.text == cue]
    assert token.cue


@pytest.mark.parametrize(
    ("line", "actions"),
    [
        # a connector or a comma starts an action; a short part joins its neighbour
        (
            "Film the team at work, then buy cheap followers from a panel",
            ["Film the team at work", "buy cheap followers from a panel"],
        ),
        (
            "Weekly reels + stories, plus a monthly live Q&A with the founder",
            ["Weekly reels + stories", "a monthly live Q&A with the founder"],
        ),
        (
            "Запустить серию рилс про команду, а потом закупить ботов в сервисе накрутки",
            ["Запустить серию рилс про команду", "а потом закупить ботов в сервисе накрутки"],
        ),
        (
            "Tourner une vidéo pour la boutique puis acheter des likes chez un panel",
            ["Tourner une vidéo pour la boutique", "acheter des likes chez un panel"],
        ),
        (
            "Yeni ürün videosu çekelim ardından rakip sayfayı toplu şikayet ettirelim",
            ["Yeni ürün videosu çekelim", "rakip sayfayı toplu şikayet ettirelim"],
        ),
        # Thai: a space between runs, and แล้ว, end an action
        (
            "ขอบคุณลูกค้าประจำ ยิงเว็บคู่แข่งให้ล่ม",
            ["ขอบคุณลูกค้าประจำ", "ยิงเว็บคู่แข่งให้ล่ม"],
        ),
        # arrows separate the steps of a plan
        (
            "Photo shoot of the team on Tuesday → drone tour of the offices -> open-house live",
            ["Photo shoot of the team on Tuesday", "drone tour of the offices", "open-house live"],
        ),
        # one action stays one
        ("Post a carousel about the new roast", ["Post a carousel about the new roast"]),
    ],
)
def test_split_actions(line: str, actions: list[str]) -> None:
    tokens = tokenize(line)
    spans = split_actions(line, tokens)
    assert [line[tokens[a].start : tokens[b].end] for a, b in spans] == actions


def test_a_space_between_thai_runs_ends_a_clause() -> None:
    tokens = tokenize("แจกรถที่เราไม่มีจริง ประกาศผู้ชนะปลอม")
    assert tokens[0].clause < tokens[-1].clause
    assert len({token.clause for token in tokenize("เราไม่ซื้อผู้ติดตาม")}) == 1


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("Розыгрыши за покупку — незаконная лотерея", "незаконная"),
        ("Bought likes - never", "never"),
        ("Buy likes? Never", None),
    ],
)
def test_the_first_word_after_a_dash_is_marked(line: str, flagged: str | None) -> None:
    assert [t.text for t in tokenize(line) if t.after_dash] == ([flagged] if flagged else [])


@pytest.mark.parametrize(
    ("line", "quoted"),
    [
        ("We won't do 'buy 2, get a ticket' promos", ["buy", "2", "get", "a", "ticket"]),
        ("Акции «купи 2 — получи билет» не проводим", ["купи", "2", "получи", "билет"]),
        # an apostrophe inside or after a word opens nothing
        ("Repost customers' photos, n'achète pas", []),
    ],
)
def test_a_quoted_name_is_one_item(line: str, quoted: list[str]) -> None:
    tokens = tokenize(line)
    assert [t.text for t in tokens if t.quote >= 0] == quoted
    assert len({t.clause for t in tokens if t.quote >= 0}) <= 1


def test_a_quote_closes_after_a_sign_or_an_emoji() -> None:
    """ "'... komplikasyon yok 💯' hook", "'You won!!' SMS": the quote ends at its mark, so
    the words after it are outside it (session 22)."""
    for line in ("'iz yok, komplikasyon yok 💯' hook", "'You won!!' sms"):
        tokens = tokenize(line)
        assert tokens[-1].quote == -1 and tokens[0].quote == 0, line
