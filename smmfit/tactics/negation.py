"""The negation rule: which of the phrases found in a line the line says it does not use.

A phrase is negated by a cue word shortly before it in the same clause ("no bots", "не
покупаем подписчиков", "ไม่ซื้อผู้ติดตาม"), by a cue between its words, by a cue that follows
what it negates ("bot takipçi yok", "buying followers is banned", "подписчиков не покупаем"),
or by a Turkish negative suffix on one of its own words ("takipçi almıyoruz"). A protective
action cancels the risky thing it acts on the same way, before or after it ("report fake
accounts", "спам удаляем", "sahte hesapları engelliyoruz"). A negation carries on over "and"/"or" to
the next item ("no bots or fake followers"). Breakers ("don't forget to buy followers") and
the end of a clause (a comma, "but") stop it, and so does "and" before a new buying action
("block bots and buy real followers"). A one-word refusal answering a question negates what
the question asked ("Bought followers? Never", "Накрутка? Нет"). The word lists are in
``lexicon``.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Collection, Sequence
from dataclasses import replace

from smmfit.tactics.lexicon import (
    AFTER_WORDS,
    ANY_REACH,
    ANY_WORDS,
    ARTICLES,
    ASKING_PREFIXES,
    BAN_PAIRS,
    BAN_PREDICATES,
    BAN_REACH,
    BEWARE_PAIRS,
    BEWARE_WORDS,
    BULK_OR_PAID_PREFIXES,
    BULK_OR_PAID_WORDS,
    CATCH_PREFIXES,
    CAUGHT_BY_WORDS,
    CAUGHT_PREFIXES,
    CAUGHT_REACH,
    CAVEAT_PREFIXES,
    CAVEAT_VERB_REACH,
    CHECKER_PREFIXES,
    CLAUSE_CONDITIONALS,
    CONCESSIVES,
    CONDITIONALS,
    CONJUNCTIONS,
    CONSENT_NAMED_TACTICS,
    CONSENT_PREFIXES,
    CONSENT_TACTICS,
    CONSEQUENCE_REACH,
    CONSEQUENCE_REFUSAL_PARTICLES,
    CONSEQUENCE_REFUSALS,
    CONSEQUENCES,
    CREDENTIAL_REACH,
    CREDENTIAL_WORDS,
    CRITICISM_PREFIXES,
    DECLINE_PAIRS,
    DISCLOSURE_TACTICS,
    DISMISSAL_CONTRASTS,
    DISMISSAL_PAIRS,
    DISMISSALS,
    DISOWNING_REACH,
    DISOWNING_WORDS,
    EITHER_OR_REACH,
    EITHER_OR_WORDS,
    ELSE_WORDS,
    ENSURING_WORDS,
    ETCETERA_WORDS,
    EVERYONE_WORDS,
    EVIDENCE_PREFIXES,
    FIRST_PERSON,
    FIRST_PERSON_ENDINGS,
    FRENCH_CONCORD_WORDS,
    FRENCH_NE,
    FRENCH_NE_PARTNERS,
    FRENCH_PAST_AUXILIARIES,
    FULFILMENT_PREFIXES,
    GAMBLE_SLIP_PREFIXES,
    GAMBLE_WORDS,
    GATE_PREFIXES,
    GENUINE_PREFIXES,
    GOING_AHEAD,
    GOING_AHEAD_PREFIXES,
    GUARANTEE_PREFIXES,
    HAPPY_ONLY_REACH,
    HAPPY_ONLY_WORDS,
    HAPPY_PREFIXES,
    HOPE_REACH,
    HOPE_WORDS,
    IDENTIFYING_AFTER_PREFIXES,
    IDENTIFYING_WORDS,
    IGNORING_PREFIXES,
    IMPOSTOR_PREFIXES,
    INCENTIVE_PREFIXES,
    INCENTIVE_REACH,
    INFRINGEMENT_PREFIXES,
    INFRINGEMENT_WORDS,
    INTENSIFIERS,
    KEEP_PREFIXES,
    KEEP_REACH,
    LATER_PREFIXES,
    LAUNCH_PREFIXES,
    LIST_REFUSAL_CLAUSE_WORDS,
    LIST_REFUSAL_HEADS,
    LIST_REFUSAL_PAIRS,
    LIST_REFUSAL_REACH,
    MESSAGE_REACH,
    MESSAGE_WORDS,
    MONEY_TAKEN_PREFIXES,
    NEED_PREFIXES,
    NEGATION_BREAKERS,
    NEGATION_CUES,
    NEGATIVE_DETERMINERS,
    NEGATIVE_SUBJECTS,
    NEVER_ASKS_REACH,
    NEVER_WORDS,
    NOBODY_REACH,
    NOBODY_WORDS,
    NOT_A_REFUSAL_AFTER,
    NOT_BEING_PREFIXES,
    NOT_HAPPY_PREFIXES,
    NOTHING_WORDS,
    NUMBER_WORDS_ABOVE_ONE,
    OFFERING_PREFIXES,
    ONLY_WORDS,
    OTHERS_PREFIXES,
    OTHERWISE_WORDS,
    OVERRIDING_PAIRS,
    OVERRIDING_WORDS,
    OVERSIGHT_PREFIXES,
    OWN_REACH,
    OWN_WORDS,
    PARTICIPLE_ENDINGS,
    PARTICIPLE_WORDS,
    PASSIVE_AUXILIARIES,
    PASSIVE_REACH,
    PAST_TENSE,
    POSSESSIVE_DISOWNING_WORDS,
    POST_NEGATION_PAIRS,
    PRIVATE_ROUTE_PREFIXES,
    PUBLIC_REVIEW_PREFIXES,
    PURPOSE_WORDS,
    PUT_OFF_CHECK_PREFIXES,
    PUT_OFF_REACH,
    QUESTION_REFUSALS,
    REACH_LOWERING,
    REACH_NOUNS,
    REASONS,
    RECEIVED_WORDS,
    RECOVERY_PREFIXES,
    REFERRING_PRONOUNS,
    REFUND_PREFIXES,
    REFUSAL_VERB_PREFIXES,
    REFUSAL_VERBS,
    RELATIVES,
    REPLICA_PREFIXES,
    REPLICA_WORDS,
    REPORT_PREFIXES,
    REQUEST_PREFIXES,
    REQUEST_REACH,
    RESPONSE_PREFIXES,
    REVIEW_NAME_PREFIXES,
    REVOKING_PREFIXES,
    REWARD_PREFIXES,
    REWARD_REACH,
    REWRITE_PREFIXES,
    ROUTE_ELSE_WORDS,
    RUSSIAN_NE,
    RUSSIAN_NE_PARTNERS,
    RUSSIAN_POST_NEGATIONS,
    RUSSIAN_WE_ENDINGS,
    SAID_WORDS,
    SAY_PREFIXES,
    SCAM_NAME_PREFIXES,
    SCAM_NAME_WORDS,
    SCORE_MAX,
    SCORE_PREFIXES,
    SECURING_WORDS,
    SELLING_PREFIXES,
    SHARING_VERB_PREFIXES,
    SLIP_PREFIXES,
    SOMEONE_WORDS,
    SPAM_WORDS,
    TAKE_DOWN_PREFIXES,
    TAKE_OUT_PREFIXES,
    TAKEN_OVER_AFTER_AUXILIARY,
    TAKEN_OVER_PREFIXES,
    TAKEN_OVER_WORDS,
    TEMPORAL_WORDS,
    THAI_IMPOSTOR_NAMES,
    THAI_LATER,
    THAI_LIST_REFUSALS,
    THAI_PASSIVE_MARKERS,
    THAI_SCAM_NAMES,
    THREAT_TACTICS,
    TOLD_REACH,
    TOLD_REFUSALS,
    TOLD_WORDS,
    TURKISH_AFTER,
    TURKISH_COMING,
    TURKISH_CONDITIONAL,
    TURKISH_CONDITIONAL_ENDINGS,
    TURKISH_CONDITIONAL_LENGTH,
    TURKISH_OPTATIVE_ENDINGS,
    TURKISH_PARTICIPLE,
    TURKISH_PARTICIPLE_AUXILIARIES,
    TURKISH_UNTIL,
    TWO_FACTOR_WORDS,
    UNDO_CONDITIONS,
    UNDO_REACH,
    UNDO_TRIGGER_PREFIXES,
    UNTIL_CAUGHT_WORDS,
    VERB_FINAL_PROTECTIVE,
    WANT_PREFIXES,
    WHETHER_NOT_WORDS,
    WITHOUT_WORDS,
    WRITE_IN_PREFIXES,
    Token,
    is_decline_word,
    is_thai,
    is_use_verb,
    names_credential,
    names_rival,
)
from smmfit.tactics.matcher import Hit

PRE_NEGATION_REACH = 3
POST_NEGATION_REACH = 2
POST_PROTECTIVE_REACH = 4
# A protective verb governs a longer object: "a moderation rule that hides comments with
# links from spam bots", "фильтр по ключевым словам скрывает спам-комментарии от ботов".
PRE_PROTECTIVE_REACH = 8
RELATIVE_REACH = 4
OWN_NEGATION_REACH = 2
CONCORD_REACH = 3
# A disclosure's condition word stands next to it: "if there is no #ad", "#işbirliği yoksa".
GATE_CONDITION_REACH = 4
# An item of a refused list is a harm's name and at most this many other words: "ใช้บอทคอมเมนต์"
# (use comment bots), "satın alınmış takipçi".
LIST_ITEM_EXTRA_WORDS = 2


def _negation_before(hit: Hit, tokens: Sequence[Token]) -> int | None:
    """Where a negation word shortly before the phrase starts, in the same clause."""
    clause = tokens[hit.low].clause
    starts_action = _starts_action(hit, tokens)
    # Words between "and" and the phrase make a new action ("remove bots and run fake
    # giveaways"); the phrase right after "and" is one more item ("remove bots and fake
    # accounts").
    # A phrase that opens with its own negation ("без erid") is not reached over "and" by
    # the negation of the item before it ("без «рекламы» и без erid"): that is the same
    # harm's other half.
    own_cue = tokens[hit.low].cue
    words_after_and = 0
    for i in range(hit.low - 1, max(-1, hit.low - 1 - PRE_PROTECTIVE_REACH), -1):
        if tokens[i].clause != clause or tokens[i].text in NEGATION_BREAKERS:
            return None
        if tokens[i].text in CONJUNCTIONS and (starts_action or words_after_and or own_cue):
            return None
        if not tokens[i].stop and not tokens[i].cue:
            words_after_and += 1
        if (
            tokens[i].cue
            and not _in_other_quote(i, hit, tokens)
            and (
                tokens[i].protective
                or sum(not t.stop for t in tokens[i + 1 : hit.low])
                < PRE_NEGATION_REACH + _any_noun(tokens[i + 1 : hit.low])
                or _negative_subject(i, tokens)
            )
            and not _own_negation(i, hit, tokens)
            and not _quoted_gap(i, hit, tokens)
            and not _negates_evidence(i, hit, tokens)
            and (hit.pattern.when_negated or not _describes_what_follows(i, hit, tokens))
            # A "!" phrase names the harm by the condition's negation ("если выложат и не
            # упомянут, что прислали"): there the condition is the harm.
            and (hit.pattern.when_negated or not _conditions_the_rest(i, hit, tokens))
        ):
            return i
    return None


def _negates_evidence(i: int, hit: Hit, tokens: Sequence[Token]) -> bool:
    """The negation's first word after it names evidence the phrase does not hold: "aucune
    étude pour le « cliniquement prouvé »" admits the claim has none, it keeps the claim."""
    return _next_word_starts(tokens[i + 1 : hit.low], EVIDENCE_PREFIXES)


def _first_word(words: Sequence[Token], *, skip_cues: bool = False) -> Token | None:
    """The first of ``words`` that is not a stop word (nor, with ``skip_cues``, a negation)."""
    return next((t for t in words if not t.stop and not (skip_cues and t.cue)), None)


def _next_word_starts(
    words: Sequence[Token], prefixes: tuple[str, ...], *, skip_cues: bool = False
) -> bool:
    """The first meaningful word of ``words`` (``_first_word``) begins with one of
    ``prefixes``."""
    after = _first_word(words, skip_cues=skip_cues)
    return after is not None and after.text.startswith(prefixes)


def _describes_what_follows(i: int, hit: Hit, tokens: Sequence[Token]) -> bool:
    """The cue at ``i`` stands in a Turkish relative clause before the phrase, closed by a
    participle or "eden": the clause describes the person after it ("şikayet videosunu
    kaldırmayan müşterinin ev adresi", "şikayet eden velinin ev adresi") and refuses nothing
    there (session 21, tuning sets 69 and 70)."""
    return any(
        TURKISH_PARTICIPLE.match(t.text) or t.text in TURKISH_PARTICIPLE_AUXILIARIES
        for t in tokens[i : hit.low]
    )


def _any_noun(between: Sequence[Token]) -> int:
    """Words an "any" adds to a negation's reach: it and its noun ("we are not running any
    giveaway that asks for card details")."""
    return ANY_REACH if any(t.text in ANY_WORDS for t in between) else 0


def _in_other_quote(i: int, hit: Hit, tokens: Sequence[Token]) -> bool:
    """A negation or protective word inside a quoted name belongs to the name ("a «free
    camera filter» with a stealer inside"): it reaches nothing outside it."""
    return tokens[i].quote >= 0 and tokens[i].quote != tokens[hit.low].quote


def _quoted_gap(i: int, hit: Hit, tokens: Sequence[Token]) -> bool:
    """The phrase is inside one quotation (ad copy, a claim) that lists what its offer is
    without, the same negation word at least twice ("'%100 tutma garantisi, iz yok,
    komplikasyon yok'", "'5 kilo garantili, spor yok diyet yok'") or two negated Turkish
    verbs ("'%100 garantili, iz kalmaz, ağrı olmaz'", session 24, tuning set 129), and the
    negation at ``i`` has a word of its own between it and the phrase: it negates that word,
    not the claim. Right next to the phrase it still negates it ("«без гарантий, без
    обещаний»"); a single negation in a quoted refusal still reaches over its verb ("'We will
    never DM you for card details'") (session 22, tuning set 98)."""
    quote = tokens[hit.low].quote
    if quote < 0 or tokens[i].quote != quote or any(tokens[j].quote != quote for j in hit.tokens):
        return False
    if (
        sum(t.quote == quote and t.text == tokens[i].text for t in tokens) < 2
        and sum(t.quote == quote and t.negative_verb for t in tokens) < 2
    ):
        return False
    chosen = sorted(hit.tokens)
    nearest = min(chosen, key=lambda j: abs(j - i))
    low, high = sorted((i, nearest))
    return any(
        not t.stop and not t.number and not t.cue and not t.post_cue and k not in chosen
        for k, t in enumerate(tokens[low + 1 : high], low + 1)
    )


def _negative_subject(i: int, tokens: Sequence[Token]) -> bool:
    """ "Nobody on the team buys engagement", "ไม่มีใครในทีมซื้อ...": a negated subject
    refuses its clause's verb however far it stands."""
    return tokens[i].text in NEGATIVE_SUBJECTS or (
        i + 1 < len(tokens) and tokens[i + 1].text in NEGATIVE_SUBJECTS
    )


def _own_negation(i: int, hit: Hit, tokens: Sequence[Token]) -> bool:
    """A French "ne" whose "jamais" or "pas" is a word of the phrase itself, or a Russian "не"
    right after the phrase's own "никогда" or "никто": the phrase names a harm by its negation
    ("le lot ne sera jamais envoyé", "un iPhone qui n'existe pas", "таймер, который никогда
    не кончается")."""
    if tokens[i].text in FRENCH_NE and any(
        j > i and tokens[j].text in FRENCH_NE_PARTNERS for j in hit.tokens
    ):
        return True
    if tokens[i].text in RUSSIAN_NE and any(
        i - 2 <= j < i and tokens[j].text in RUSSIAN_NE_PARTNERS for j in hit.tokens
    ):
        return True
    # A phrase that names the misuse of a protective act ("paid ... flag ... page", mass
    # reporting) is that act, and a protective word inside or after it says what it does:
    # "paid a group to mass-flag their page as spam" (session 23, tuning set 109).
    if (
        i > hit.low
        and tokens[i].protective
        and any(tokens[j].protective for j in hit.tokens if j != i)
    ):
        return True
    if hit.pattern.tactic in THREAT_TACTICS and _wishes(i, tokens):
        return True
    if hit.pattern.tactic in CLAIM_TACTICS and _promises_no_need(i, tokens):
        return True
    # A fraud named by its negation ("never ship the prize", "sans jamais expédier le lot",
    # "и никогда не отправлять"): a negation word right next to the phrase's own one is the
    # same negation, in every language, not a refusal of it.
    return (
        any(
            tokens[j].cue
            and not tokens[j].protective
            and 0 < abs(j - i) <= OWN_NEGATION_REACH
            and all(tokens[k].stop or tokens[k].cue for k in range(min(i, j) + 1, max(i, j)))
            for j in hit.tokens
        )
        or _negative_concord(i, hit, tokens)
        or _french_concord(i, hit, tokens)
    )


def _wishes(i: int, tokens: Sequence[Token]) -> bool:
    """The negation at ``i`` is of a verb of wanting (itself, as Turkish "istemeyiz", or the
    next word that is not a stop word or another negation): "wouldn't want", "не хотели бы"."""
    return tokens[i].text.startswith(WANT_PREFIXES) or _next_word_starts(
        tokens[i + 1 : i + 1 + OWN_NEGATION_REACH + 1], WANT_PREFIXES, skip_cues=True
    )


def _promises_in_clause(hit: Hit, tokens: Sequence[Token]) -> bool:
    """A claim whose clause goes on to promise that something will not be needed ("«...
    восстанавливают зрение, очки больше не понадобятся»"): that negation ends the clause as
    the claim's promise, not as a ban on the claim."""
    clause = tokens[hit.high].clause
    return hit.pattern.tactic in CLAIM_TACTICS and any(
        (tokens[i].cue or tokens[i].post_cue) and _promises_no_need(i, tokens)
        for i in range(hit.high + 1, len(tokens))
        if tokens[i].clause == clause
    )


def _promises_no_need(i: int, tokens: Sequence[Token]) -> bool:
    """The negation at ``i`` says something will not be needed ("не понадобятся", "plus
    besoin", "gerek yok", "ไม่ต้องกินยา"), and what is not needed is no saying or writing."""
    need = next(
        (
            j
            for j in (i - 1, i + 1, i + 2)
            if 0 <= j < len(tokens)
            and tokens[j].clause == tokens[i].clause
            and tokens[j].text.startswith(NEED_PREFIXES)
        ),
        None,
    )
    return need is not None and not _next_word_starts(
        tokens[need + 1 : need + 3], WRITE_IN_PREFIXES + SAY_PREFIXES
    )


def _french_concord(i: int, hit: Hit, tokens: Sequence[Token]) -> bool:
    """ "aucun lot n'est jamais envoyé", "personne ne reçoit jamais rien": a French negative
    word and the phrase's own "jamais" later in its clause are one negation, the fraud's."""
    return tokens[i].text in FRENCH_CONCORD_WORDS and any(
        j > i and tokens[j].cue and tokens[j].clause == tokens[i].clause for j in hit.tokens
    )


def _negative_concord(i: int, hit: Hit, tokens: Sequence[Token]) -> bool:
    """ "hiçbir test yapılmadı", "никаких исследований нет": a negative determiner and the
    negated verb after it are one negation in Turkish and Russian; where that verb is a word of
    the phrase ("claims ... no test"), the determiner is the phrase's own, not a refusal."""
    return tokens[i].text in NEGATIVE_DETERMINERS and any(
        i < j <= i + CONCORD_REACH
        and tokens[j].clause == tokens[i].clause
        and (tokens[j].post_cue or tokens[j].negative_verb)
        and not tokens[j].protective
        for j in hit.tokens
    )


def _starts_action(hit: Hit, tokens: Sequence[Token]) -> bool:
    """The phrase begins with a verb of getting or using ("buy real followers")."""
    return is_use_verb(tokens[hit.low].text)


def _conditions_the_rest(i: int, hit: Hit, tokens: Sequence[Token]) -> bool:
    """The negation at ``i`` stands in a condition ("si le client ne retire pas son avis") and
    the phrase goes on past it into what follows ("..., on publie son adresse"): it is the
    threat's condition, not a refusal (session 20, tuning set 64). So is a negation or
    protective word that is, or is the object of, a Turkish verb in the conditional, with the
    phrase going on after it ("şikayeti kaldırmazsa evinde çektiğimiz fotoğrafları
    yayınlayacağız": the complaint is the condition's; session 21, tuning set 67)."""
    clause = tokens[i].clause
    # Turkish puts the condition's verb after its object: the cue or the word after it.
    if any(_turkish_conditional(t) for t in tokens[i : min(i + 2, hit.high)]):
        return True
    return tokens[hit.high].clause > clause and any(
        t.text in CONDITIONALS for t in tokens[:i] if t.clause == clause
    )


def _negated_inside_or_after(hit: Hit, tokens: Sequence[Token]) -> bool:
    """A negation word within the phrase's span (not one the phrase contains), or just after;
    or a word of the phrase is itself a negated Turkish verb ("takipçi satın almıyoruz")."""
    chosen = set(hit.tokens)
    # A phrase that names a negated form itself ("erişilemez", unreachable) is not negated by it.
    if not hit.pattern.names_negation and any(tokens[i].negative_verb for i in chosen):
        return True
    if hit.pattern.loose:
        # A loose phrase spans a long sentence: only a negation just before one of its own
        # words negates it ("support never asks for your password"); one elsewhere belongs to
        # another part of it ("15% off, no code needed, for a 5-star review").
        for word in sorted(chosen)[1:]:
            for i in range(word - 1, max(hit.low, word - 1 - PRE_NEGATION_REACH), -1):
                if tokens[i].clause != tokens[word].clause or i in chosen:
                    break
                if (
                    tokens[i].cue
                    and not _own_negation(i, hit, tokens)
                    and not _quoted_gap(i, hit, tokens)
                    and not _quoted_gap(i, hit, tokens)
                    and not _conditions_the_rest(i, hit, tokens)
                ):
                    return True
    else:
        for i in range(hit.low + 1, hit.high):
            # A cue right before a phrase word negates it across a comma: "отзыв, без скидки"
            # (but "без маркировки, чтобы не выглядело как реклама" keeps "реклама").
            following = min(j for j in chosen if j > i)
            right_before = all(t.stop for t in tokens[i + 1 : following])
            if (
                i not in chosen
                and (tokens[i].cue or tokens[i].text in BAN_PREDICATES)
                and (
                    tokens[i].clause == tokens[hit.low].clause
                    or (right_before and tokens[i].clause == tokens[following].clause)
                )
                and not _own_negation(i, hit, tokens)
                and not _conditions_the_rest(i, hit, tokens)
            ):
                return True
    # "Opted in or not", "согласие или нет", "onaylı ya da değil": whether or not, so a consent
    # or label a "!" phrase looks for is not stated (session 23; the line had flipped to white
    # with each retraining).
    after = [
        t
        for t in tokens[hit.high + 1 : hit.high + 1 + EITHER_OR_REACH]
        if t.text in EITHER_OR_WORDS or t.text in WHETHER_NOT_WORDS or not t.stop
    ][:2]
    if (
        hit.pattern.when_negated
        and len(after) == 2
        and after[0].text in EITHER_OR_WORDS
        and after[1].text in WHETHER_NOT_WORDS
    ):
        return True
    clause = tokens[hit.high].clause
    # A list between the phrase and the negation widens the reach by its items: "karşılığında
    # indirim ya da hediye yok", "discounts or gifts: none".
    # A protective verb after "and" starts a new action instead ("взламываем аккаунты
    # конкурентов и удаляем их посты").
    # A protective verb at the end of a verb-final clause reaches further back ("takipçileri
    # sahte hesaplar konusunda uyaralım"), unless a verb of getting comes between ("bot takipçi
    # satın alıp spam hesapları engelleyelim").
    reach = POST_NEGATION_REACH
    listed = acting = False
    own_cue = _named_by_negation(hit, tokens)
    i = hit.high + 1
    # "share the post, otherwise the entry does not count": a loose phrase that spans an
    # "otherwise" is the condition, and a negation after it the threat.
    if any(tokens[j].text in ELSE_WORDS for j in range(hit.low + 1, hit.high + 1)):
        i = len(tokens)
    while i < len(tokens) and i <= hit.high + POST_PROTECTIVE_REACH:
        if tokens[i].clause != clause or tokens[i].text in ELSE_WORDS:
            break
        # "накрутить подписчиков и не говорить клиенту": a negation right after "and"
        # negates the next action, not the one before it.
        # So does one after "and nothing": "и ничего не отправлять", "and then nothing ships".
        # A phrase that names a harm by its own negation ("не маркируем интеграцию") is
        # followed by more of the same, not refused, by a negation after "and": "...и erid не
        # получаем" (session 21, tuning set 69).
        new_action = not tokens[i].protective and (
            tokens[i - 1].text in CONJUNCTIONS
            or (
                i >= 2
                and tokens[i - 1].text in NOTHING_WORDS
                and tokens[i - 2].text in CONJUNCTIONS
            )
            or (listed and own_cue)
        )
        if (
            tokens[i].post_cue
            and not _in_other_quote(i, hit, tokens)
            and not (listed and tokens[i].protective)
            and not new_action
            and not _own_negation(i, hit, tokens)
            and not _quoted_gap(i, hit, tokens)
        ):
            verb_final = tokens[i].protective and tokens[i].text.startswith(VERB_FINAL_PROTECTIVE)
            if reach > 0 or (verb_final and not acting):
                return True
        if tokens[i].text in CONJUNCTIONS:
            listed = True
        acting = acting or is_use_verb(tokens[i].text)
        # "Kart bilgisi isteyen HİÇBİR çekilişimiz yok": a negative determiner and its noun
        # between a Turkish participle and "yok" carry the negation to it; so does "vs" (etc).
        reach += 1 if tokens[i].text in CONJUNCTIONS | NEGATIVE_DETERMINERS | ETCETERA_WORDS else -1
        i += 1
    return (
        (_banned_in_clause(hit, tokens) and not _promises_in_clause(hit, tokens))
        or _refused_in_answer(hit, tokens)
        or _refused_as_consequence(hit, tokens)
        or _refused_by_next_clause(hit, tokens)
        or _declined_request(hit, tokens)
    )


def _named_by_negation(hit: Hit, tokens: Sequence[Token]) -> bool:
    """The phrase holds a negated verb of its own ("не маркир* интеграци*"); not a "without"
    ("без маркировки и без erid не выпускаем" lists what a post may not lack)."""
    return any(
        tokens[j].cue and not tokens[j].protective and tokens[j].text not in WITHOUT_WORDS
        for j in hit.tokens
    )


def _declined_request(hit: Hit, tokens: Sequence[Token]) -> bool:
    """ "The client asked us to buy followers; we declined": someone else's request for the
    harm in its clause (before it, or after it as in Turkish and Thai: "takipçi satın almak
    istiyor") and a decline after it, in a part of the line that sets no condition and
    concedes nothing ("... if the client refuses", "even though the agency refused")."""
    clause = tokens[hit.low].clause
    requested = any(
        t.text.startswith(REQUEST_PREFIXES)
        and not t.text.endswith(FIRST_PERSON_ENDINGS)
        and not any(p.text in FIRST_PERSON for p in tokens[max(0, j - REQUEST_REACH) : j])
        for j, t in enumerate(tokens)
        if t.clause == clause and not hit.low <= j <= hit.high
    ) or any(
        t.text.startswith(OFFERING_PREFIXES)
        and any(p.text in SOMEONE_WORDS and p.clause == clause for p in tokens[:j])
        for j, t in enumerate(tokens)
        if t.clause == clause and not hit.low <= j <= hit.high
    )
    if not requested:
        return False
    for index in range(hit.high + 1, len(tokens)):
        if _declines_at(index, tokens) or _answered_no(index, tokens):
            return not _sets_condition(tokens[index].clause, tokens)
    return False


def refuses_incentive(tokens: Sequence[Token]) -> bool:
    """The line says there is no reward: "no incentives, we read every review", "без скидок за
    отзыв", "sans contrepartie", "karşılığında indirim yok", "ไม่มีของแถม". A request for honest
    reviews resembles the paid ones; the refused reward is what makes it honest."""
    for index, token in enumerate(tokens):
        if not token.text.startswith(INCENTIVE_PREFIXES):
            continue
        before = [t for t in tokens[max(0, index - INCENTIVE_REACH) : index] if not t.stop]
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if any(t.cue and not t.protective for t in before) or (
            after is not None and after.post_cue
        ):
            return True
    return False


def _declines_at(index: int, tokens: Sequence[Token]) -> bool:
    """A word of declining at ``index``: "declined", "отказали", "reddettik", "ปฏิเสธ", or the
    first of two, stop words between them skipped ("said no", "turned it down", "told them
    no", "c'est non", "hayır dedik")."""
    if is_decline_word(tokens[index].text):
        return True
    following = _second_word(index, tokens)
    if (tokens[index].text, following) not in DECLINE_PAIRS:
        return False
    # A rival's posts "flagged as spam" are a false report, not an offer turned down.
    return following not in SPAM_WORDS or not names_rival(tokens)


def _second_word(index: int, tokens: Sequence[Token]) -> str:
    """The word after ``index`` that pairs with it, a stop word between skipped ("said no",
    "told them no"), or ""."""
    after = _first_word(tokens[index + 1 : index + 3])
    return after.text if after is not None else ""


def _answered_no(index: int, tokens: Sequence[Token]) -> bool:
    """A refusal told as said: "almıyoruz dedim", "บอกไปแล้วว่าไม่เอา"."""
    following = _second_word(index, tokens)
    if tokens[index].negative_verb and following in SAID_WORDS:
        return True
    return (tokens[index].text, following) in TOLD_REFUSALS and any(
        t.text in TOLD_WORDS and t.clause == tokens[index].clause
        for t in tokens[max(0, index - TOLD_REACH) : index]
    )


def _sets_condition(clause: int, tokens: Sequence[Token]) -> bool:
    """The clause sets a condition or concedes ("if the client refuses", "even though the
    agency refused"): a decline there declines nothing."""
    return any(
        t.conditional or t.text in CONDITIONALS or t.text in CONCESSIVES
        for t in tokens
        if t.clause == clause
    )


def rewrites_quote(tokens: Sequence[Token]) -> bool:
    """The line rewrites or removes a quoted piece of copy ("removed 'no more joint pain',
    kept 'with glucosamine'"): it resembles the claim it takes out."""
    return any(t.quote >= 0 for t in tokens) and _rewrites(tokens)


def _rewrites(tokens: Sequence[Token]) -> bool:
    """A word of rewriting or removing outside any quotation ("replaced", "убрали", "retiré"),
    not right after a negation ("don't change a word", "ห้ามแก้" keep the copy as it is)."""
    return any(
        t.quote < 0
        and t.text.startswith(REWRITE_PREFIXES)
        and not (i > 0 and tokens[i - 1].text in NEGATION_CUES)
        for i, t in enumerate(tokens)
    )


def declines(tokens: Sequence[Token]) -> bool:
    """The line turns something down or ignores it ("pitched 'review boosting' at £3 a review.
    Said no", "отказали, занесли в список", "on a dit non", "reddettik", "ปฏิเสธไปแล้ว",
    "игнор, в чс"), in a clause that sets no condition and concedes nothing ("if the client
    refuses, ...")."""
    if _overridden(tokens):
        return False
    return any(
        (_declines_at(index, tokens) or token.text.startswith(IGNORING_PREFIXES))
        and not _sets_condition(token.clause, tokens)
        for index, token in enumerate(tokens)
    )


def negated_fulfilment(tokens: Sequence[Token]) -> bool:
    """Money taken and, later in the line, the delivery, booking, prize or refund it pays for
    negated ("take 30% for 'guaranteed July slots', nothing actually gets booked", "принимаем
    оплату, ничего не отправляется", "kapora alınıyor, iade hiçbir zaman yapılmıyor"): a fraud
    stated through its own negation. The money itself is not refused ("no prepayment, pay on
    delivery" is a shop's honest rule), no refund is promised ("deposit refunded if we cannot
    deliver"), and the line calls nothing a scam and protects nothing (a warning describes
    such a fraud: "«оплатите доставку приза» — это мошенники")."""
    if any(t.protective or _names_scam(t) for t in tokens) or any(
        t.text.startswith(REFUND_PREFIXES) and not _fulfilment_negated(i, tokens)
        for i, t in enumerate(tokens)
    ):
        return False
    money = [
        i
        for i, t in enumerate(tokens)
        if t.text.startswith(MONEY_TAKEN_PREFIXES) and not _refused_near(i, tokens)
    ]
    return bool(money) and any(
        j > money[0]
        and token.text.startswith(FULFILMENT_PREFIXES)
        and _fulfilment_negated(j, tokens)
        for j, token in enumerate(tokens)
    )


def gates_reviews(tokens: Sequence[Token]) -> bool:
    """Review gating told as a routing: one part of the line (``segment``) sends the public
    review link and no form, another part a private form, the line speaks of a score, and it
    splits by it ("else", "ниже", "sinon", "düşük", or a score in both parts): "5 → Яндекс
    Карты, 1-4 → гугл-форма", "4-5 → lien Google, en dessous → formulaire interne". A line
    that refuses, protects or gives everyone the same link is not ("everyone gets the Google
    link; unhappy ones can also use the form"); "everyone else" is a split, not everyone."""
    # The cheap word tests first: the rule is read for every line a phrase left white.
    public = {t.segment for t in tokens if t.text.startswith(PUBLIC_REVIEW_PREFIXES)}
    private = {t.segment for t in tokens if t.text.startswith(PRIVATE_ROUTE_PREFIXES)}
    rated = any(t.text.startswith(SCORE_PREFIXES) for t in tokens)
    if not rated or not any(a != b for a in public - private for b in private):
        return False
    if any(t.protective for t in tokens) or declines(tokens):
        return False
    split = False
    for index, token in enumerate(tokens):
        if token.text in ROUTE_ELSE_WORDS:
            split = True
        near = tokens[max(0, index - 1) : index + 2]
        if token.text in EVERYONE_WORDS and not any(t.text in ROUTE_ELSE_WORDS for t in near):
            return False
    return split or len({t.segment for t in tokens if _score(t)}) >= 2


def reviews_for_happy_only(tokens: Sequence[Token]) -> bool:
    """Review gating told as a restriction: a line that names a review gives it to the happy
    ones only ("QR выдаём только довольным", "cards only for the smiley ones", "sadece memnun
    müşterilere yorum linki", "ให้เฉพาะคนที่แฮปปี้"). "Only" not negated ("not only the happy
    ones"), nor the happy word ("memnun olmayan": a negation after it); a line that refuses,
    protects or warns is not."""
    if not any(t.text.startswith(REVIEW_NAME_PREFIXES) for t in tokens):
        return False
    for index, token in enumerate(tokens):
        if token.text not in HAPPY_ONLY_WORDS or any(
            t.cue or t.post_cue for t in tokens[max(0, index - 2) : index + 2] if t is not token
        ):
            continue
        low = max(0, index - HAPPY_ONLY_REACH)
        if any(
            t.clause == token.clause
            and t.text.startswith(HAPPY_PREFIXES)
            and not t.text.startswith(NOT_HAPPY_PREFIXES)
            and not _negated_after(j, tokens)
            for j, t in enumerate(tokens[low : index + 1 + HAPPY_ONLY_REACH], start=low)
        ):
            return not (
                any(t.protective for t in tokens)
                or declines(tokens)
                or warning_at(tokens) is not None
            )
    return False


def _negated_after(index: int, tokens: Sequence[Token]) -> bool:
    """The word at ``index`` is negated by the word after it: a post-negation, a Turkish
    negative verb or "olmayan" ("memnun olmayan", not happy)."""
    if index + 1 >= len(tokens):
        return False
    after = tokens[index + 1]
    return after.post_cue or after.negative_verb or after.text.startswith(NOT_BEING_PREFIXES)


def _score(token: Token) -> bool:
    """A word of rating, or a small number as scores are written ("5", "1-4", "≤3"); a line
    needs a word of rating too ("1 send 14d after delivery; $0" holds numbers, not scores)."""
    if token.text.startswith(SCORE_PREFIXES):
        return True
    return token.number and token.text.isdigit() and int(token.text) <= SCORE_MAX


def omits_caveat(tokens: Sequence[Token]) -> bool:
    """A quoted caveat (``CAVEAT_PREFIXES``: results vary, not a medicine, not for pregnant
    women) that the line, outside every quote and nearest to it, does not write in ("мы вообще
    не пишем «не является лекарством»", "'ilaç değildir' yazmıyoruz bile") or takes out
    ("«Результат индивидуален» выпиливаем"): a claim left without its caveat. A line that
    protects, warns or refuses the omission ("never remove 'results vary'") is not."""
    # Taking out is itself a protective word ("kaldır", "remove"): it is the omission here.
    if any(
        t.protective and t.quote < 0 and not t.text.startswith(TAKE_OUT_PREFIXES) for t in tokens
    ):
        return False
    quotes = {t.quote for t in tokens if t.quote >= 0 and t.text.startswith(CAVEAT_PREFIXES)}
    for quote in quotes:
        for j in _around_quote(quote, tokens, CAVEAT_VERB_REACH):
            verb = tokens[j]
            if verb.quote >= 0 or _nearest_quote(j, tokens) != quote:
                continue
            negated = verb.negative_verb or any(
                t.cue and not t.protective and t.quote < 0 and t.clause == verb.clause
                for t in tokens[max(0, j - 2) : j]
            )
            if verb.text.startswith(WRITE_IN_PREFIXES) and negated:
                return True
            if verb.text.startswith(TAKE_OUT_PREFIXES) and not negated:
                return True
    return False


def _nearest_quote(index: int, tokens: Sequence[Token]) -> int:
    """The quotation nearest the word at ``index`` (a verb belongs to the quote beside it:
    "'...' çıkarıldı, '...' eklendi")."""
    quoted = [(abs(i - index), t.quote) for i, t in enumerate(tokens) if t.quote >= 0]
    return min(quoted)[1] if quoted else -1


def sells_replicas_as_genuine(tokens: Sequence[Token]) -> bool:
    """A quoted claim that goods are genuine ("«100% authentic, receipt on request»", "«оригинал,
    чек есть»") and, outside every quote, the line calling them replicas, not refused near it
    ("— en vrai c'est les répliques 1:1", "пары с Путяна продаём как оригинал"): counterfeits
    sold as originals, said by the listing's own words. A line that protects or warns ("report
    listings that say «authentic» over replicas") is not."""
    if any(t.protective or _names_scam(t) for t in tokens):
        return False
    return any(t.quote >= 0 and t.text.startswith(GENUINE_PREFIXES) for t in tokens) and any(
        t.quote < 0
        and (t.text.startswith(REPLICA_PREFIXES) or t.text in REPLICA_WORDS)
        and not _refused_near(i, tokens)
        for i, t in enumerate(tokens)
    )


def _fulfilment_negated(j: int, tokens: Sequence[Token]) -> bool:
    """The word at ``j`` is negated: a negative Turkish verb itself, refused near it
    (``_refused_near``), or followed by Russian "нет", "не будет"."""
    after = tokens[j + 1 : j + 1 + REFUSED_NEAR_REACH]
    return tokens[j].negative_verb or _refused_near(j, tokens) or _no_more(after)


def _no_more(after: Sequence[Token]) -> bool:
    """ "отправки не будет", "доставки нет": Russian says there will be none after the noun."""
    texts = [t.text for t in after]
    return "нет" in texts or any(a == "не" and b == "будет" for a, b in itertools.pairwise(texts))


def _overridden(tokens: Sequence[Token]) -> bool:
    """The line goes ahead whatever was said: "legal said no but we're running it anyway",
    "юрист против, запускаем всё равно", "on le fait quand même", "yine de yayınlıyoruz"."""
    return any(t.text in OVERRIDING_WORDS for t in tokens) or any(
        (a.text, b.text) in OVERRIDING_PAIRS for a, b in itertools.pairwise(tokens)
    )


def _refused_by_next_clause(hit: Hit, tokens: Sequence[Token]) -> bool:
    """ "ซื้อผู้ติดตาม เราไม่ใช้", "buy followers, we don't": a clause right after that is only a
    refusal (a negation, a verb of doing or getting, a pronoun) refuses the one before."""
    clause = tokens[hit.high].clause
    following = [t for t in tokens[hit.high + 1 :] if t.clause == clause + 1]
    if tokens[hit.low].clause != clause or not following:
        return False
    words = [t for t in following if not t.stop]
    return any((t.cue or t.negative_verb) and not t.protective for t in words) and all(
        ((t.cue or t.negative_verb) and not t.protective)
        or _refusal_verb(t)
        or t.text in REFERRING_PRONOUNS
        or t.text in INTENSIFIERS
        for t in words
    )


def _refusal_verb(token: Token) -> bool:
    return (
        token.text in REFUSAL_VERBS
        or token.text.startswith(REFUSAL_VERB_PREFIXES)
        or is_use_verb(token.text)
    )


def _refused_as_consequence(hit: Hit, tokens: Sequence[Token]) -> bool:
    """ "Bought followers tank reach, so we don't do it", "поэтому ботов не берём", "donc on n'en
    achète pas", "o yüzden bot almıyoruz": a refusal drawn as a consequence after the phrase
    refers back to it. The refusal is a negated verb of doing or getting with nothing after it
    in its clause but a pronoun; a verb of getting before it ("buy followers so we do not look
    small") makes it a purpose instead."""
    for index in range(hit.high + 1, len(tokens)):
        if tokens[index].text not in CONSEQUENCES:
            if is_use_verb(tokens[index].text):
                return False
            continue
        for negation in range(index + 1, min(len(tokens), index + 1 + CONSEQUENCE_REACH)):
            token = tokens[negation]
            if token.protective:
                return False
            following = tokens[negation + 1].text if negation + 1 < len(tokens) else ""
            if (token.negative_verb and _refusal_verb(token)) or (
                token.text in CONSEQUENCE_REFUSALS
                and (
                    token.text not in ("stay", "steer")
                    or following in CONSEQUENCE_REFUSAL_PARTICLES
                )
            ):
                verb = negation + (token.text in ("stay", "steer"))
            elif token.cue or token.text in NEGATIVE_SUBJECTS:
                # "so nobody on our side writes them": a negated subject and its verb.
                subject = token.text in NEGATIVE_SUBJECTS
                words = [
                    j
                    for j in range(
                        negation + 1, min(len(tokens), negation + 1 + (4 if subject else 2))
                    )
                    if not tokens[j].stop and not tokens[j].cue
                ]
                # After "nobody" the verb may follow a few words ("on our side writes").
                verb = next(
                    (j for j in words if _refusal_verb(tokens[j])) if subject else iter(words[:1]),
                    -1,
                )
                if verb < 0 or not _refusal_verb(tokens[verb]):
                    continue
            else:
                continue
            rest = [
                t
                for t in tokens[verb + 1 :]
                if t.clause == tokens[verb].clause and not t.stop and not t.cue
            ]
            return all(t.text in REFERRING_PRONOUNS for t in rest)
        return False
    return False


# How far after "after" or "when" a ban predicate stands to be the time clause's own ("after
# ours got banned").
TEMPORAL_REACH = 3


def _banned_in_clause(hit: Hit, tokens: Sequence[Token]) -> bool:
    """ "Bots and bought likes are banned on this account": a ban predicate later in the
    clause, with no verb of getting between, negates the phrase however long the subject.
    So does a negated verb that ends a verb-final clause ("взаимные подписки и чаты
    комментариев в этом году не используем", "takip-takip ya da yorum grupları
    kullanmayacağız"), unless "and" puts it as a new action ("buy followers and don't tell")."""
    clause = tokens[hit.high].clause
    if tokens[hit.low].clause != clause:
        # A phrase across clauses ("publish the address ... if") is not one subject.
        return False
    words = 0
    dash = -1  # where a dash put the clause after it as what the phrase's clause is
    for index in range(hit.high + 1, len(tokens)):
        token = tokens[index]
        previous = tokens[index - 1].text
        # "bought 2 aged ad accounts after ours got banned": a ban after "after" or "when" is
        # something that happened, not a rule against the phrase (session 20, tuning set 65).
        # ("after the ban is a hard no" still refuses: there the ban is the time clause's noun
        # and the refusal comes after it.)
        if token.text in TEMPORAL_WORDS and any(
            t.text in BAN_PREDICATES for t in tokens[index + 1 : index + 1 + TEMPORAL_REACH]
        ):
            return False
        # "..., because it is illegal", "X — незаконная лотерея": the reason's clause, or
        # what follows a dash, says what the clause before it is.
        if (
            token.clause == clause + 1
            and (token.text in REASONS or token.after_dash)
            and tokens[index - 1].clause == clause
        ):
            clause += 1
            if token.text in REASONS:
                continue
            dash = index
        negated_verb = (
            (token.text in RUSSIAN_POST_NEGATIONS and token.post_cue)
            or (token.negative_verb and not token.protective)
        ) and previous not in CONJUNCTIONS
        # A phrase that names a harm by its own negation, then "and" and another negated
        # verb in its clause: more of the same harm ("интеграцию не маркируем и erid не
        # получаем"); a refusal after a dash still refuses ("— так мы не работаем").
        if (
            negated_verb
            and token.clause == tokens[hit.high].clause
            and _named_by_negation(hit, tokens)
        ):
            negated_verb = not any(t.text in CONJUNCTIONS for t in tokens[hit.high + 1 : index])
        # "«5★ review = 300₽ cashback» — for 4 and below we don't pay": a number after the
        # dash says which case the negation is about; it refuses none of the phrase
        # (session 22, tuning set 91).
        if (
            token.clause == clause
            and negated_verb
            and words <= BAN_REACH
            and not _in_other_quote(index, hit, tokens)
            and not _quoted_gap(index, hit, tokens)
            and not (dash >= 0 and any(t.number for t in tokens[dash:index]))
        ):
            return True
        # "report the page until it is banned": the ban is the goal, not a refusal.
        if (
            token.clause != clause
            or words > BAN_REACH
            or is_use_verb(token.text)
            or token.text in PURPOSE_WORDS
            or token.text in CONCESSIVES
            or token.text in ELSE_WORDS
        ):
            return False
        # "off-limits", "out of the question": a paired post-negation is a ban as well.
        if (
            token.text in BAN_PREDICATES
            or (token.post_cue and token.text in POST_NEGATION_PAIRS)
            or (previous, token.text) in BAN_PAIRS
        ):
            return True
        words += not token.stop
    return False


def _refused_in_answer(hit: Hit, tokens: Sequence[Token]) -> bool:
    """ "Bought followers? Out of the question", "Takipçi satın almak mı? Asla": a refusal
    right after the question the phrase is in negates it."""
    clause = tokens[hit.high].clause
    answer = next((t for t in tokens[hit.high + 1 :] if t.clause != clause), None)
    return (
        answer is not None
        and answer.after_question
        and (answer.post_cue or answer.text in QUESTION_REFUSALS)
    )


def _negated_around_quote(hit: Hit, tokens: Sequence[Token]) -> int | None:
    """ "We won't do 'buy 2, get a raffle ticket' promos", "«купи 2 — получи билет» не
    проводим": a phrase inside a quoted name is negated as the name is, by a negation just
    before the quote or after it."""
    quote = tokens[hit.low].quote
    if quote < 0 or tokens[hit.high].quote != quote:
        return None
    first, final = _quote_span(quote, tokens)
    start = _negation_before(Hit(hit.pattern, (first,)), tokens)
    # The quote's last word is inside it: a negated Turkish verb there ("... etiketle yoksa
    # rehberi göndermiyoruz") is the quote's own, not a refusal of it (session 23).
    last = Hit(replace(hit.pattern, names_negation=True), (final,))
    if start is None and _negated_inside_or_after(last, tokens):
        start = first
    return start


def _quote_span(quote: int, tokens: Sequence[Token]) -> tuple[int, int]:
    """The first and last word of the quotation ``quote``."""
    inside = [i for i, t in enumerate(tokens) if t.quote == quote]
    return inside[0], inside[-1]


def _around_quote(quote: int, tokens: Sequence[Token], reach: int) -> list[int]:
    """The words up to ``reach`` before the quotation ``quote`` and up to ``reach`` after it."""
    first, last = _quote_span(quote, tokens)
    return [
        *range(max(0, first - reach), first),
        *range(last + 1, min(len(tokens), last + 1 + reach)),
    ]


def _carried_over(previous: Hit, hit: Hit, tokens: Sequence[Token]) -> bool:
    """ "no bots or fake followers": a negation reaches the next item over a conjunction; and
    "declined two 'engagement boost' packages (bought likes)": it reaches a clause right after
    that only names the refused thing again."""
    between = tokens[previous.high + 1 : hit.low]
    # An order ("no bots, buy followers") is a new action, not an aside.
    if not between and _apposition(hit, tokens) and not _ordered(hit, tokens):
        return True
    if _starts_action(hit, tokens):
        return False
    if (
        0 < len(between) <= 2
        and all(t.clause == tokens[hit.low].clause for t in between)
        and any(t.text in CONJUNCTIONS for t in between)
        and all(t.text in CONJUNCTIONS or t.stop or t.cue for t in between)
    ):
        return True
    return _comma_list(previous, hit, tokens)


def _ordered(hit: Hit, tokens: Sequence[Token]) -> bool:
    """The hit starts with a verb of getting said as an order, not as a participle naming the
    thing got ("bought likes", "likes achetés", "купленные лайки", "satın alınmış")."""
    text = tokens[hit.low].text
    return (
        _starts_action(hit, tokens)
        and text not in PARTICIPLE_WORDS
        and not text.endswith(PARTICIPLE_ENDINGS)
        and not _bought_participle(tokens, hit.low)
    )


def _apposition(hit: Hit, tokens: Sequence[Token]) -> bool:
    """The hit is the whole of a clause that starts right after the previous one: an aside
    that names the same thing ("(bought likes)")."""
    clause = tokens[hit.low].clause
    own = set(hit.tokens)
    return (
        hit.low > 0
        and tokens[hit.low - 1].clause == clause - 1
        and all(i in own or t.stop for i, t in enumerate(tokens) if t.clause == clause)
    )


def _comma_list(previous: Hit, hit: Hit, tokens: Sequence[Token]) -> bool:
    """ "No bought followers, pods or follow/unfollow": a negation heads a comma list whose
    next part is only items: one bare word, "or"/"and", then the phrase, ending its clause.
    The negation is the line's first word, so "buy followers, no pods or bots" is not one."""
    start = previous.negation_start
    between = tokens[previous.high + 1 : hit.low]
    clause = tokens[hit.low].clause
    items = [t for t in between if not t.stop and t.text not in CONJUNCTIONS]
    return (
        start == 0
        and tokens[0].cue
        and not tokens[0].protective
        and tokens[previous.high].clause + 1 == clause
        and all(t.clause == clause for t in between)
        and any(t.text in CONJUNCTIONS for t in between)
        and len(items) <= 1
        and not any(is_use_verb(t.text) or t.cue for t in items)
        and all(t.clause != clause for t in tokens[hit.high + 1 :])
    )


def _listed_before_refusal(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """ "Bot takipçi, takip-takip veya etkileşim grubu yok": a refusal that ends the line (a
    post-negation or a negated verb) reaches back over a comma list whose first part is only
    the phrase, when the part it ends lists items with "or"/"and" and holds a negated hit."""
    last = len(tokens) - 1
    if last < 0 or not (tokens[last].post_cue or tokens[last].negative_verb):
        return hits
    refused_clause = tokens[last].clause
    listed = any(t.clause == refused_clause and t.text in CONJUNCTIONS for t in tokens) and any(
        h.negated and not h.pattern.when_negated and tokens[h.low].clause == refused_clause
        for h in hits
    )
    if not listed:
        return hits
    result = []
    for hit in hits:
        clause = tokens[hit.low].clause
        words = [i for i, t in enumerate(tokens) if t.clause == clause and not t.stop]
        alone = clause + 1 == refused_clause and all(i in hit.tokens for i in words)
        refused = alone and not hit.negated and not hit.pattern.when_negated
        result.append(Hit(hit.pattern, hit.tokens, True, hit.low) if refused else hit)
    return result


def _opens_with_refusal(tokens: Sequence[Token], start: int) -> bool:
    """The part from ``start`` opens with a refusal of what came before: "none of that", "ничего
    этого", "hors de question", "bu hesapta hiçbiri yok", "ไม่มี", or a ban ("banned here"); or
    its clause is only a refusal ("такого у нас нет", "ไม่ทำเด็ดขาด", "we don't do any of it")."""
    words = [i for i in range(start, len(tokens)) if not tokens[i].stop]
    clause = [tokens[i] for i in words if tokens[i].clause == tokens[start].clause]
    refusing = [t for t in clause if (t.cue or t.negative_verb) and not t.protective]
    if (
        len(clause) <= LIST_REFUSAL_CLAUSE_WORDS
        and not any(is_use_verb(t.text) for t in clause)
        and any(
            (t.text in QUESTION_REFUSALS or t.text in LIST_REFUSAL_HEADS)
            and (clause[k + 1].text if k + 1 < len(clause) else "") not in NOT_A_REFUSAL_AFTER
            for k, t in enumerate(clause)
        )
    ):
        return True
    if refusing and all(
        t in refusing or _refusal_verb(t) or t.text in REFERRING_PRONOUNS or t.text in INTENSIFIERS
        for t in clause
    ):
        return True
    for position, index in enumerate(words[:LIST_REFUSAL_REACH]):
        text = tokens[index].text
        following = tokens[words[position + 1]].text if position + 1 < len(words) else ""
        if is_use_verb(text):
            return False
        if text in THAI_LIST_REFUSALS:
            # "— ไม่มี", "— ไม่มีเลย" refuse; "— ไม่มีปัญหา" (no problem) does not.
            return not following or following in INTENSIFIERS
        if text in LIST_REFUSAL_HEADS and following in NOT_A_REFUSAL_AFTER:
            return False
        if text in LIST_REFUSAL_HEADS or text in BAN_PREDICATES:
            return True
        if (text, following) in LIST_REFUSAL_PAIRS:
            return True
    return False


def _bought_participle(tokens: Sequence[Token], index: int) -> bool:
    """ "Bought", "buying", "satın alınmış": a verb of getting that names the thing bought, not
    an order to buy it ("buy followers"). Thai does not inflect ("ซื้อไลก์" is both): its
    refusal must then stand alone ("— ไม่มี")."""
    text = tokens[index].text
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    return (
        not is_use_verb(text)
        or text.endswith("ing")
        or following.startswith("alın")
        or is_thai(text)
    )


def _no_this_no_that(tokens: Sequence[Token], end: int) -> bool:
    """ "Tag 3 friends, no tags — no code", "нет отметок — нет промокода": the part before
    ``end`` opens with a negation too, so the two say "without this, not that", a condition,
    not a refusal of what came before."""
    clause = tokens[end - 1].clause
    start = next(i for i in range(end) if tokens[i].clause == clause)
    opening = next((t for t in tokens[start:end] if not t.stop), None)
    return opening is not None and opening.cue and not opening.protective


def _refused_list(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """ "Bought followers, pods, follow/unfollow — none of that on this account": a list of
    harms that opens the line and ends at a dash, colon or full stop is refused by a part that
    opens with a refusal. The list is only its phrases (at most one other word an item, no
    order to buy), so "Buy followers, likes - none of the clients will notice" is no list."""
    used = [h for h in hits if not h.negated and not h.pattern.when_negated]
    if not used:
        return hits
    covered = {i for h in hits for i in h.tokens}
    for end in range(1, len(tokens)):
        token = tokens[end]
        if token.segment == tokens[end - 1].segment and not token.after_dash:
            continue
        # "Pods, follow/unfollow, fake accounts? No thanks": a refusal answering the list.
        answered = token.after_question and token.text in QUESTION_REFUSALS
        if not (answered or _opens_with_refusal(tokens, end)):
            continue
        if _no_this_no_that(tokens, end):
            continue
        items: dict[int, int] = {}
        for i in range(end):
            if i not in covered and not tokens[i].stop and tokens[i].text not in CONJUNCTIONS:
                items[tokens[i].clause] = items.get(tokens[i].clause, 0) + 1
        listed = [h for h in used if h.high < end]
        first = min((h.low for h in listed), default=-1)
        if (
            listed
            and all(count <= LIST_ITEM_EXTRA_WORDS for count in items.values())
            and _bought_participle(tokens, first)
        ):
            return [Hit(h.pattern, h.tokens, True, h.low) if h in listed else h for h in hits]
        return hits
    return hits


def _what_it_does(previous: Hit, hit: Hit, tokens: Sequence[Token]) -> bool:
    """ "supprimer les bots qui annoncent de faux concours": what a removed thing does is
    removed with it. A protective verb reaches over a relative word (qui, that, который) to
    the phrase just after, within a few words and with no "and" between."""
    start = previous.negation_start
    between = tokens[previous.high + 1 : hit.low]
    return (
        start is not None
        and tokens[start].protective
        and not _starts_action(hit, tokens)
        and 0 < len(between) <= RELATIVE_REACH
        and all(t.clause == tokens[hit.low].clause for t in between)
        and any(t.text in RELATIVES for t in between)
        and not any(t.text in CONJUNCTIONS for t in between)
    )


# The scams a team warning names: a look-alike support DM asking for a login or a code, a fake
# prize, a malicious link (Meta's Fraud, Scams and Deceptive Practices standard; Meta's own
# advice is "don't reply, report the message, turn on two-factor authentication").
# Claims an ad copy makes, which a rewrite takes out.
CLAIM_TACTICS = frozenset(
    {"misleading_ad_claims", "fake_scarcity_urgency", "fake_price_reductions"}
)
# The conditions "no tag, no code" sets on a reward.
CONDITION_TACTICS = frozenset(
    {"share_to_enter_giveaways", "tag_friends_to_enter", "engagement_bait"}
)
WARNED_TACTICS = frozenset(
    {
        # the impostor accounts a warning calls scammers ("fake giveaway accounts are scammers")
        "fake_accounts_sockpuppets_astroturfing",
        "fake_person_pages_friend_spam",
        "account_hacking_phishing",
        "fake_giveaway_scam",
        "malware_distribution",
        "links_via_friends_hacked_accounts",
        "spam_from_hacked_accounts",
        # a notice in an authority's, a bank's or an operator's name asking for money
        "impersonating_authority_or_brand",
    }
)


def _names_scam(token: Token) -> bool:
    return (
        token.text in SCAM_NAME_WORDS
        or token.text.startswith(SCAM_NAME_PREFIXES)
        or any(name in token.text for name in THAI_SCAM_NAMES)
    )


def _refuses_to_share_secret(tokens: Sequence[Token]) -> bool:
    """ "Never share the code", "код никому не сообщаем", "ne jamais donner le code", "kodu
    kimseyle paylaşmayın", "ห้ามให้รหัส OTP": a negated verb of giving near a word for a code or
    password, before or after it."""
    for index, token in enumerate(tokens):
        if not token.text.startswith(SHARING_VERB_PREFIXES):
            continue
        negated = token.negative_verb or any(
            t.cue and not t.protective and t.clause == token.clause
            for t in tokens[max(0, index - CREDENTIAL_REACH) : index]
        )
        near = tokens[max(0, index - CREDENTIAL_REACH) : index + CREDENTIAL_REACH + 1]
        if negated and any(t.text in CREDENTIAL_WORDS for t in near):
            return True
    return False


def _guard_negated(index: int, tokens: Sequence[Token]) -> bool:
    """ "Nobody will report it", "they never report": a report that is refused guards nothing."""
    clause = tokens[index].clause
    return any(
        (t.cue and not t.protective) or t.text in NEGATIVE_SUBJECTS
        for t in tokens[max(0, index - PRE_NEGATION_REACH) : index]
        if t.clause == clause
    )


def _names_impostor(token: Token) -> bool:
    return token.text.startswith(IMPOSTOR_PREFIXES) or any(
        name in token.text for name in THAI_IMPOSTOR_NAMES
    )


def _genuine_channel(tokens: Sequence[Token], impostor: int) -> bool:
    """Another clause or sentence than the impostor's says the only way the business sells or
    takes money ("we only sell at the till", "оплату принимаем только по договору")."""
    named = (tokens[impostor].clause, tokens[impostor].sentence)
    only = {(t.clause, t.sentence) for t in tokens if t.text in ONLY_WORDS} - {named}
    return any(
        t.text.startswith(SELLING_PREFIXES) and (t.clause, t.sentence) in only for t in tokens
    )


def _bewares(tokens: Sequence[Token]) -> bool:
    """A word telling the reader to watch out: "осторожно", "beware", "dikkat", "ระวัง", "heads
    up"."""
    return any(t.text in BEWARE_WORDS for t in tokens) or any(
        (a.text, b.text) in BEWARE_PAIRS for a, b in itertools.pairwise(tokens)
    )


def _identified(index: int, tokens: Sequence[Token]) -> bool:
    """ "If ... tell them it's a scam", "если ... — это мошенники", "gösterirse dolandırıcılık
    olduğunu söyleyin": a condition earlier in the line describes what the scam's name, said
    as what that is, names."""
    # A Turkish conditional ends its own clause ("mesajı alırsanız bu bir scam").
    # The French "s" only before "il(s)": an English "'s" ("the client's OK: send DMs from a
    # fake support page, it's phishing") sets no condition (session 23).
    return _said_to_be(index, tokens) and any(
        (
            t.clause < tokens[index].clause
            and (
                t.text in CLAUSE_CONDITIONALS
                or (t.text == "s" and j + 1 < index and tokens[j + 1].text in ("il", "ils"))
            )
        )
        or _turkish_conditional(t)
        for j, t in enumerate(tokens[:index])
    )


def _said_to_be(index: int, tokens: Sequence[Token]) -> bool:
    """The scam's name at ``index`` is said as what something is: "it's a scam", "это фишинг",
    "dolandırıcılık olduğunu"."""
    # Articles and other function words between are skipped: "it's a scam", "bu bir scam".
    before = next(
        (
            t
            for t in reversed(tokens[:index])
            if t.text not in ARTICLES and not (t.stop and t.text not in IDENTIFYING_WORDS)
        ),
        None,
    )
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    return (before is not None and before.text in IDENTIFYING_WORDS) or (
        after is not None and after.text.startswith(IDENTIFYING_AFTER_PREFIXES)
    )


def _turkish_conditional(token: Token) -> bool:
    """A Turkish verb in the conditional: "gösterirse", "kaldırmazsa" (if ... does not remove)."""
    return len(token.text) >= TURKISH_CONDITIONAL_LENGTH and token.text.endswith(
        TURKISH_CONDITIONAL_ENDINGS
    )


def _disowned(tokens: Sequence[Token]) -> int | None:
    """Where a line quoting a message says it is not the business's ("this SMS is not from
    us", "n'est PAS de nous", "bizden değil", "ไม่ใช่ของเรา"), or None."""
    if not any(t.quote >= 0 for t in tokens):
        return None
    for index, token in enumerate(tokens):
        if token.quote >= 0 or token.text not in DISOWNING_WORDS:
            continue
        # The negation right before it, function words aside: "not from us", "pas de nous",
        # "не от нас", "ไม่ใช่ของเรา" (not "не палясь, что мы").
        near = tokens[max(0, index - DISOWNING_REACH) : index]
        word = next((t for t in reversed(near) if not t.stop), None)
        # A protective verb after a possessive is done to the business, not a denial: "наш
        # забанили" (ours was banned), session 23 (tuning set 119); "not us – report it" denies.
        if (word is not None and word.cue and not word.protective) or (
            index + 1 < len(tokens)
            and tokens[index + 1].post_cue
            and not (tokens[index + 1].protective and token.text in POSSESSIVE_DISOWNING_WORDS)
        ):
            return index
    return None


def warning_at(tokens: Sequence[Token]) -> int | None:
    """Where a line that warns against a scam names it, or None.

    A warning calls what it describes a scam (not in its first word: "phishing DMs to the
    rival's followers" proposes one), refuses it in another clause, before or after the name
    ("don't reply", "не отвечаем", "ne pas cliquer", "cevap vermeyin", "ห้ามตอบ"; Thai often
    refuses first: "...ขอรหัส OTP ห้ามให้เด็ดขาด มิจฉาชีพแน่นอน"), and reports it, turns on
    two-factor authentication or refuses to give the code or password. A line that proposes
    sending such messages does none of this, so it keeps its verdict. Two shorter notices warn
    too: a scam's name beside a word telling the reader to beware ("Осторожно, мошенники!"),
    and an impostor page named beside the only way the business takes money ("a fake page
    sells passes; we only sell at the till")."""
    shares_no_secret = _refuses_to_share_secret(tokens)
    beware = _bewares(tokens)
    for index, token in enumerate(tokens):
        if index == 0 or not _names_scam(token):
            continue
        others = [t for t in tokens if t.clause != token.clause]
        refused = any(
            (t.cue and not t.protective) or t.negative_verb or t.text.startswith(IGNORING_PREFIXES)
            for t in others
        )
        guarded = shares_no_secret or any(
            (t.protective or t.text in SECURING_WORDS) and not _guard_negated(j, tokens)
            for j, t in enumerate(tokens[index + 1 :], index + 1)
        )
        answer_refused = _response_refused(tokens, token.clause)
        received = any(
            t.text in RECEIVED_WORDS
            and any(
                m.text in MESSAGE_WORDS
                for m in tokens[max(0, j - MESSAGE_REACH) : j + MESSAGE_REACH + 1]
            )
            for j, t in enumerate(tokens[:index])
        )
        if (
            (refused and guarded)
            or beware
            or _identified(index, tokens)
            or (received and (answer_refused or guarded) and _said_to_be(index, tokens))
        ):
            return index
    disowned = _disowned(tokens)
    if disowned is not None:
        return disowned
    # A notice naming an impostor (not as its first word: "fake pages selling passes, we only
    # take cash" proposes one) and the only genuine channel in another clause warns; so does
    # one that tells the reader to beware ("Heads up: a fake 'bank support' page is messaging
    # customers") or not to answer it ("อีเมลปลอมอ้าง อย. ... อย่าคลิกเด็ดขาด", a fake FDA
    # e-mail: never click; session 25).
    for index, token in enumerate(tokens):
        if (
            index > 0
            and _names_impostor(token)
            and (
                beware or _genuine_channel(tokens, index) or _response_refused(tokens, token.clause)
            )
        ):
            return index
    return None


def _response_refused(tokens: Sequence[Token], named: int) -> bool:
    """A clause other than ``named`` refuses to answer, click or open ("don't reply", "не
    переходите", "ne cliquez pas", "cevap vermeyin", "อย่าคลิก")."""
    others = [t for t in tokens if t.clause != named]
    return any(
        t.text.startswith(RESPONSE_PREFIXES)
        and (
            t.negative_verb
            or any(c.cue and not c.protective and c.clause == t.clause for c in others)
        )
        for t in others
    )


def never_asks_clauses(tokens: Sequence[Token]) -> set[int]:
    """The clauses that say what a genuine party never asks for ("real giveaways never ask for
    a shipping fee", "никогда не просят", "ne demande jamais", "asla ... istemez")."""
    return {
        token.clause
        for i, token in enumerate(tokens)
        if token.text in NEVER_WORDS
        and any(
            t.text.startswith(ASKING_PREFIXES) and t.clause == token.clause
            for t in tokens[max(0, i - NEVER_ASKS_REACH) : i + 1 + NEVER_ASKS_REACH]
        )
    }


def _never_asks(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """ "Real giveaways never ask for a shipping fee": the scam phrases of a clause that says what
    a genuine party never asks for are not used."""
    clauses = never_asks_clauses(tokens)
    if not clauses:
        return hits
    # A "!" phrase there ("!pay winners") read the "never" of "never ask winners to pay" as
    # its own: it is set aside too.
    return [
        _set_aside(hit)
        if hit.pattern.tactic in WARNED_TACTICS
        and (hit.pattern.when_negated or not hit.negated)
        and tokens[hit.low].clause in clauses
        and tokens[hit.high].clause in clauses
        else hit
        for hit in hits
    ]


# Evading a ban: a negation in the clause that states the evasion's aim is its goal ("купить
# прогретые акки, чтобы основной не словил бан", "pour ne pas se faire bannir"), not a refusal.
EVASION_TACTICS = frozenset({"ad_ban_evasion_cloaking"})
PURPOSE_REACH = 3


def _evasion_aim(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """An evasion phrase negated right after a purpose word ("чтобы", "so", "pour", "เพื่อ") is
    the aim of the evasion, not refused (session 20, tuning set 60)."""
    return [
        Hit(hit.pattern, hit.tokens, False, None)
        if hit.pattern.tactic in EVASION_TACTICS
        and hit.negated
        and not hit.pattern.when_negated
        and hit.negation_start is not None
        and any(
            t.text in PURPOSE_WORDS
            for t in tokens[max(0, hit.negation_start - PURPOSE_REACH) : hit.negation_start]
        )
        else hit
        for hit in hits
    ]


def _set_aside(hit: Hit) -> Hit:
    """The hit as a phrase that counts for nothing: an ordinary phrase negated, a "!" phrase
    (which names a harm by its negation) not negated."""
    return Hit(
        hit.pattern,
        hit.tokens,
        not hit.pattern.when_negated,
        None if hit.pattern.when_negated else hit.low,
    )


def _warned(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """The scam phrases a warning names, up to the clause that names the scam, are not used
    (a "!" phrase, which names a harm by its negation, is not used either)."""
    warning = warning_at(tokens)
    if warning is None:
        return hits
    # "Beware, scammers! They send 'you won' messages asking for card details": after a
    # beware word the scam is described after its name, so the whole line is the warning's.
    clause = len(tokens) if _bewares(tokens) else tokens[warning].clause
    return [
        _set_aside(hit)
        if hit.pattern.tactic in WARNED_TACTICS and tokens[hit.high].clause <= clause
        else hit
        for hit in hits
    ]


def _lowers_reach(hit: Hit, tokens: Sequence[Token]) -> bool:
    """The rest of the phrase's clause says it lowers reach ("fake accounts kill our reach")."""
    rest = [t.text for t in tokens[hit.high + 1 :] if t.clause == tokens[hit.high].clause]
    return any(w.startswith(REACH_NOUNS) for w in rest) and any(
        w.startswith(REACH_LOWERING) for w in rest
    )


def _given_as_reason(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """In a line that refuses a tactic, a harm its clause says lowers reach is the reason for
    the refusal, not a second plan. Only where the line refuses something: "buy bots, they
    kill the rival's reach" refuses nothing and keeps its verdict."""
    if not any(hit.negated and not hit.pattern.when_negated for hit in hits):
        return hits
    return [
        Hit(hit.pattern, hit.tokens, True, hit.low)
        if not hit.negated and not hit.pattern.when_negated and _lowers_reach(hit, tokens)
        else hit
        for hit in hits
    ]


def _taken_by_nearer(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """A negation after a "!" phrase that another negated phrase stands nearer to is that
    phrase's: "ürün gönderdiğimiz influencer'lar #işbirliği yazmadan paylaşsın" (influencers we
    send products to post without #işbirliği) leaves the label out, it does not refuse to send
    the product, so it is an undisclosed ad, not a prize never sent."""
    return [
        Hit(hit.pattern, hit.tokens) if _nearer_negated(hit, hits, tokens) else hit for hit in hits
    ]


def _nearer_negated(hit: Hit, hits: list[Hit], tokens: Sequence[Token]) -> bool:
    start = hit.negation_start
    if not (hit.pattern.when_negated and hit.negated and start is not None and start >= hit.low):
        return False
    clause = tokens[hit.high].clause
    # "gerçek çekilişler asla kargo ücreti istemez" (real draws never ask for a shipping fee):
    # "asla" agrees with the negated verb after it, a verb of its own that neither refuses the
    # phrase (buy, do, use) nor is one of the phrase's words.
    concord = next(
        (
            i
            for i in range(hit.high + 1, min(len(tokens), hit.high + 1 + CONCORD_REACH + 2))
            if tokens[i].clause == clause and tokens[i].negative_verb
        ),
        None,
    )
    if (
        concord is not None
        and concord not in hit.tokens
        and not _refusal_verb(tokens[concord])
        and any(tokens[i].cue and not tokens[i].protective for i in range(hit.high + 1, concord))
    ):
        return True
    negation = next(
        (
            i
            for i in range(hit.high + 1, len(tokens))
            if tokens[i].clause == clause
            and not tokens[i].protective
            and (tokens[i].cue or tokens[i].post_cue or tokens[i].negative_verb)
        ),
        None,
    )
    return negation is not None and any(
        other.negated
        and other.pattern.tactic != hit.pattern.tactic
        and hit.high < other.low
        and other.high <= negation
        for other in hits
    )


def _negation_start(hit: Hit, tokens: Sequence[Token]) -> int | None:
    """Where the negation of a phrase starts (before it, inside or after it, or around its
    quote), or None."""
    start = _negation_before(hit, tokens)
    if start is None and _negated_inside_or_after(hit, tokens):
        start = hit.low
    if start is None:
        start = _negated_around_quote(hit, tokens)
    return start


def _negates(token: Token) -> bool:
    return token.cue or token.post_cue or token.negative_verb


def _shares_refused_word(hit: Hit, outer: Hit, tokens: Sequence[Token]) -> bool:
    """The same tactic found again through a word the line refuses: in "katılım ücretsiz,
    satın alma şartı yok" the purchase the line says is not required ("satın alma şartı yok")
    cannot also be the purchase a looser phrase reads as required ("katılım ... satın"). Only
    a phrase that starts before the refused one and ends inside it, refused by a negation
    word next to it (not a protective verb) and not among its own words ("... пока не
    ляжет", "... et ne rien envoyer" name the harm): in "No bots, buy followers" the refused
    "bots ... followers" ends in a new action's words, which stay used, and "removes wrinkles
    for good" is not refused by the protective "removes" that refuses "wrinkles for good"."""
    return (
        hit.low < outer.low <= hit.high <= outer.high
        and not set(outer.tokens) <= set(hit.tokens)
        and not any(_negates(token) for token in tokens[outer.low : outer.high + 1])
        and any(
            _negates(token) and not token.protective
            for token in (
                *tokens[max(outer.low - 2, 0) : outer.low],
                *tokens[outer.high + 1 : outer.high + 3],
            )
        )
        and hit.pattern.tactic == outer.pattern.tactic
        and not hit.pattern.when_negated
        and not outer.pattern.when_negated
        and not hit.pattern.names_negation
    )


def _inside_reported(hit: Hit, outer: Hit, tokens: Sequence[Token]) -> bool:
    """The phrase lies within a longer one a protective verb acts on: what the reported or
    blocked thing does is reported with it ("Signalé une fausse page « Support » qui demandait
    aux clients leurs identifiants": the request is the fake page's; session 22, tuning set
    104)."""
    start = outer.negation_start
    return (
        start is not None
        and tokens[start].protective
        and outer.low <= hit.low
        and hit.high <= outer.high
        and not hit.pattern.when_negated
    )


def _taken_over(index: int, tokens: Sequence[Token]) -> bool:
    token = tokens[index]
    if token.text in TAKEN_OVER_WORDS or token.text.startswith(TAKEN_OVER_PREFIXES):
        return True
    return token.text in TAKEN_OVER_AFTER_AUXILIARY and any(
        t.text in PASSIVE_AUXILIARIES or (is_thai(t.text) and t.text.endswith(THAI_PASSIVE_MARKERS))
        for t in tokens[max(0, index - PASSIVE_REACH) : index]
    )


def recovers_account(tokens: Sequence[Token]) -> bool:
    """A crisis plan for the team's own account: it names the takeover as done to the account
    ("if the page is hacked", "если угнали канал", "si la page est piratée", "hesap
    hacklenirse", "ถ้าเพจโดนแฮก") and what to do about it (a password or code, 2FA, a report,
    recovery). It names no rival, whose account it would be about, and buys or orders
    nothing: "the account is hacked? buy it back from the hacker" is no crisis plan. Without
    a takeover named, security work on the team's own accounts counts too (``_hardens``)."""
    if names_rival(tokens) or any(is_use_verb(t.text) for t in tokens):
        return False
    if not any(_taken_over(i, tokens) for i in range(len(tokens))):
        return _hardens(tokens)
    return any(
        t.text in CREDENTIAL_WORDS
        or t.text in SECURING_WORDS
        or t.protective
        or t.text.startswith(RECOVERY_PREFIXES)
        for t in tokens
    )


def _hardens(tokens: Sequence[Token]) -> bool:
    """Security work on the team's own accounts: two-factor authentication turned on and a
    former contractor's access removed ("2FA на все кабинеты включили, доступ у бывшего
    подрядчика забрали", "2FA activée, on révoque l'accès de l'ancienne agence", "eski ajansın
    BM erişimi kaldırıldı"), asking nobody for anything outside a quotation (a request for the
    2FA code is phishing) and naming no code or password outside one ("...blocked if they don't
    send the 2FA code" is the lure). Session 20 (tuning sets 55, 57)."""
    return (
        any(t.text in TWO_FACTOR_WORDS for t in tokens)
        and any(t.protective or t.text.startswith(REVOKING_PREFIXES) for t in tokens)
        and not any(
            t.quote < 0
            and (
                t.text.startswith(REQUEST_PREFIXES)
                or (names_credential(t.text) and t.text not in TWO_FACTOR_WORDS)
            )
            for t in tokens
        )
    )


def _recovered(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """The takeover and scam phrases of a crisis plan for the team's own account are not used:
    "in case the account is hacked: reset the password" plans no hacking."""
    if not recovers_account(tokens):
        return hits
    return [_set_aside(hit) if hit.pattern.tactic in WARNED_TACTICS else hit for hit in hits]


def apply_negation(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """Mark the hits the line negates ("no bots", "не покупаем подписчиков", "bot takipçi yok")."""
    result: list[Hit] = []
    # Hits that end before the current one starts, to carry a negation over "and"/"or": the
    # ones ending last are the previous item. Hits come sorted by start, so a min-heap of
    # ends tells which have ended.
    pending: list[tuple[int, int]] = []
    unconditional = (
        [replace(t, cue=True, post_cue=t.negative_verb) if t.conditional else t for t in tokens]
        if any(t.conditional for t in tokens)
        else None
    )
    last_end, last_hits = -1, list[Hit]()
    for hit in sorted(hits, key=lambda h: (h.low, h.high)):
        while pending and pending[0][0] < hit.low:
            end, index = heapq.heappop(pending)
            if end > last_end:
                last_end, last_hits = end, [result[index]]
            elif end == last_end:
                last_hits.append(result[index])
        start = _negation_start(hit, tokens)
        if start is None and hit.pattern.when_negated and unconditional is not None:
            # "Keep the jackets if they post without mentioning we sent them": the condition
            # is the harm a "!" phrase names.
            start = _negation_start(hit, unconditional)
        # A phrase that opens with its own negation names a harm by what is missing ("без
        # erid", "without #ad"): a negation before it ("без «рекламы» и без erid") is the same
        # harm's other half, not a refusal carried over to it (session 20, tuning set 55).
        if start is None and not tokens[hit.low].cue:
            previous = [h for h in last_hits if h.negated]
            if previous and (
                _carried_over(previous[0], hit, tokens) or _what_it_does(previous[0], hit, tokens)
            ):
                start = previous[0].negation_start
        result.append(Hit(hit.pattern, hit.tokens, start is not None, start))
        heapq.heappush(pending, (hit.high, len(result) - 1))
    # A phrase found inside a longer one the line negates is negated with it: "ไม่ใช้...หรือ
    # กลุ่มแลกคอมเมนต์" refuses the pod, and "แลกคอมเมนต์" alone is part of it.
    covering: dict[int, list[Hit]] = {}
    for outer in result:
        if outer.negated and len(outer.tokens) > 1:
            for index in outer.tokens:
                covering.setdefault(index, []).append(outer)
    hits = [
        next(
            (
                Hit(hit.pattern, hit.tokens, True, outer.negation_start)
                for index in hit.tokens
                for outer in covering.get(index, ())
                if set(hit.tokens) < set(outer.tokens)
                or _shares_refused_word(hit, outer, tokens)
                or _inside_reported(hit, outer, tokens)
            ),
            hit,
        )
        if not hit.negated
        else hit
        for hit in result
    ]
    # The context rules, in order: each sees what the ones before it set aside.
    for rule in (
        _evasion_aim,
        _counted,
        _own_figures,
        _rights_complaint,
        _promised,
        _rewritten,
        _no_this_no_reward,
        _listed_before_refusal,
        _refused_list,
        _given_as_reason,
        _taken_by_nearer,
        _warned,
        _recovered,
        _never_asks,
        _consented,
        _contrasted,
        _required_disclosure,
        _dismissed,
    ):
        hits = rule(hits, tokens)
    return hits


# Tactics that name one of something: a number above one in the phrase ("tag 3 friend",
# "отметь 2 друга", Russian's singular after 2-4) says otherwise.
ONE_OF_TACTICS = frozenset({"one_friend_tag"})


def _counted(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """A "one friend" phrase holding a number above one counts for nothing."""
    return [
        _set_aside(hit)
        if hit.pattern.tactic in ONE_OF_TACTICS
        and any(
            (t.number and t.text != "1") or t.text in NUMBER_WORDS_ABOVE_ONE
            for t in tokens[hit.low : hit.high + 1]
        )
        else hit
        for hit in hits
    ]


# What collects other people's contacts or audience: a tactic its own figures never are.
HARVEST_TACTICS = frozenset({"audience_scraping_parsing"})


# How near a negation (or a "nothing": "rien chez les concurrents") stands to refuse a word
# (``_refused_near``).
REFUSED_NEAR_REACH = 3


def _own_figures(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """A scraper pointed at the business's own report ("scraping our own GA4 export", "парсим
    свою же выгрузку из Метрики") is reporting: set aside, unless the line names a rival or
    anyone's followers, members, e-mails or numbers."""
    if not any(t.text.startswith(REPORT_PREFIXES) for t in tokens) or any(
        t.text.startswith(OTHERS_PREFIXES) and not _refused_near(i, tokens)
        for i, t in enumerate(tokens)
    ):
        return hits
    owns = [i for i, t in enumerate(tokens) if t.text in OWN_WORDS]
    return [
        _set_aside(hit)
        if hit.pattern.tactic in HARVEST_TACTICS
        and not hit.negated
        and any(hit.low - OWN_REACH <= i <= hit.high + OWN_REACH for i in owns)
        else hit
        for hit in hits
    ]


def _rights_complaint(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """A complaint about a rival's infringement ("Competitor lifted our photos, filing an IP
    complaint via Brand Registry", "подаём жалобу через форму о нарушении прав") is the
    platform's own remedy: a report on a rival is set aside when the line names an
    infringement and nothing paid for, sent in bulk or sent every day (session 21, tuning set
    72). A complaint aimed at criticism is no remedy (session 24)."""
    if not any(
        t.text in INFRINGEMENT_WORDS or t.text.startswith(INFRINGEMENT_PREFIXES) for t in tokens
    ) or any(
        t.text in BULK_OR_PAID_WORDS
        or t.text.startswith(BULK_OR_PAID_PREFIXES)
        or t.text.startswith(CRITICISM_PREFIXES)
        for t in tokens
    ):
        return hits
    return [
        _set_aside(hit)
        if hit.pattern.tactic == "mass_reporting_competitors" and not hit.negated
        else hit
        for hit in hits
    ]


def _refused_near(index: int, tokens: Sequence[Token]) -> bool:
    """The word at ``index`` is refused in its clause: a negation just before it ("rien chez les
    concurrents") or just after it ("чужие данные не трогаем")."""
    clause = tokens[index].clause
    before = tokens[max(0, index - REFUSED_NEAR_REACH) : index]
    after = tokens[index + 1 : index + 1 + REFUSED_NEAR_REACH]
    return any(
        (t.cue and not t.protective) or t.text in NOTHING_WORDS
        for t in before
        if t.clause == clause
    ) or any((t.post_cue or t.negative_verb) and t.clause == clause for t in after)


def _promised(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """ "Aligners without extractions — 100% results", "без боли и без брекетов —
    гарантированно", "sans douleur, résultat garanti", "ไม่ต้องผ่าตัด ... การันตี": a claim says
    what its benefit comes without, and a guarantee in its sentence promises it; the "without"
    is the claim's, not a refusal of it. So is any negation inside a quoted claim that carries
    its own guarantee: «Plus jamais de rides — résultat garanti», 'Kırılan tırnaklar asla bir
    daha yok, garantili' (a negation outside the quote still refuses it: "never promise '...'")."""
    guarantors = [
        t
        for i, t in enumerate(tokens)
        if t.text.startswith(GUARANTEE_PREFIXES) and _affirmed(i, tokens)
    ]
    if not guarantors:
        return hits
    sentences = {t.sentence for t in guarantors}
    quotes = {t.quote for t in guarantors if t.quote >= 0}
    return [
        Hit(hit.pattern, hit.tokens, False, None)
        if hit.negated
        and not hit.pattern.when_negated
        and hit.pattern.tactic in CLAIM_TACTICS
        and tokens[hit.low].sentence in sentences
        and _negated_by_claim(hit, tokens, quotes)
        else hit
        for hit in hits
    ]


def _affirmed(index: int, tokens: Sequence[Token]) -> bool:
    """No negation refuses the guarantee word at ``index``: none right before it ("no
    guarantee", "без гарантии", "не гарантируем"), and none but a claim's "without" two words
    before it ("без брекетов — гарантированно" guarantees; "do not ever guarantee" does not)."""
    word = tokens[index]
    before = [t for t in tokens[max(0, index - 2) : index] if t.clause == word.clause and t.cue]
    return not any(t is tokens[index - 1] or t.text not in WITHOUT_WORDS for t in before)


def _negated_by_claim(hit: Hit, tokens: Sequence[Token], quotes: set[int]) -> bool:
    """Every negation word around the hit, in its clause, is a "without" (in the hit's quote
    if it has one), or is inside a quoted claim that carries a guarantee (``quotes``)."""
    clause = tokens[hit.low].clause
    low = max(0, hit.low - PRE_NEGATION_REACH)
    around = [
        t
        for t in tokens[low : hit.high + POST_NEGATION_REACH + 1]
        if t.clause == clause and (t.cue or t.post_cue) and not t.protective
    ]
    start = tokens[hit.negation_start] if hit.negation_start is not None else None
    # A negation start that is no negation word marks a negation carried from elsewhere (a
    # "removed" after a quote), which refuses the claim, unless the phrase holds its own
    # negation word ("больше никогда ... гарантируем"), which the start then only marks.
    inside = any(tokens[i].cue or tokens[i].post_cue for i in range(hit.low, hit.high + 1))
    if start is not None and (start.cue or start.post_cue or not inside):
        around.append(start)
    # A "without" outside the quote that holds the claim refuses the quote: "no 'perfect
    # vision guaranteed'" (session 21, tuning set 67).
    quote = tokens[hit.low].quote
    return bool(around) and all(
        (t.text in WITHOUT_WORDS and (quote < 0 or t.quote == quote))
        or (t.quote in quotes and (t.cue or t.post_cue))
        for t in around
    )


def _rewritten(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """ "«убирает акне навсегда» заменили на «помогает уменьшить высыпания»", "« élimine
    définitivement l'acné » → remplacé par ...", "'akneyi kalıcı olarak yok eder' cümlesini
    değiştirdik": a quoted claim in a line that rewrites the copy is the claim taken out."""
    if not _rewrites(tokens):
        return hits
    return [
        _set_aside(hit)
        if hit.pattern.tactic in CLAIM_TACTICS
        and not hit.negated
        and tokens[hit.low].quote >= 0
        and all(tokens[i].quote == tokens[hit.low].quote for i in hit.tokens)
        and not _kept(tokens[hit.low].quote, tokens)
        else hit
        for hit in hits
    ]


def _kept(quote: int, tokens: Sequence[Token]) -> bool:
    """The line says it keeps the quotation ``quote``: a word of keeping just before it or just
    after it, outside any quotation ("on garde « ... »", "'...' kalsın")."""
    return any(
        tokens[j].quote < 0 and tokens[j].text.startswith(KEEP_PREFIXES)
        for j in _around_quote(quote, tokens, KEEP_REACH)
    )


def _no_this_no_reward(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """ "No tag, no code", "pas de partage, pas de remise", "нет репоста, нет скидки", "ไม่แท็ก
    ไม่ได้โค้ด": a tagging or sharing condition negated at the start of its clause, and a next
    clause that opens with a negation and names a reward, say "without this, not that": the
    condition, not a refusal of it."""
    result = []
    for hit in hits:
        clause = tokens[hit.low].clause
        words = [t for t in tokens if t.clause == clause and not t.stop]
        following = [t for t in tokens if t.clause == clause + 1 and not t.stop]
        if (
            hit.negated
            and not hit.pattern.when_negated
            and hit.pattern.tactic in CONDITION_TACTICS
            and words
            and words[0].cue
            and not words[0].protective
            and following
            and following[0].cue
            and any(t.text.startswith(REWARD_PREFIXES) for t in following[:REWARD_REACH])
        ):
            result.append(Hit(hit.pattern, hit.tokens, False, None))
        else:
            result.append(hit)
    return result


def _dismissal_at(tokens: Sequence[Token]) -> int | None:
    """Where the line waves a ban away ("..., but whatever, we do it anyway"), or None."""
    for index, token in enumerate(tokens):
        pair = index + 1 < len(tokens) and (token.text, tokens[index + 1].text) in DISMISSAL_PAIRS
        if token.text not in DISMISSALS and not pair:
            continue
        # "но всем плевать": a word may come between the "but" and the waving away.
        if not any(t.text in DISMISSAL_CONTRASTS for t in tokens[max(0, index - 2) : index]):
            continue
        clause = token.clause
        rest = [t for t in tokens[index + 1 + pair :] if t.clause <= clause + 1 and not t.stop]
        if all(
            not _negates(t)
            and (
                t.text in GOING_AHEAD
                or t.text.startswith(GOING_AHEAD_PREFIXES)
                or _refusal_verb(t)
                or t.text in REFERRING_PRONOUNS
                or t.text in INTENSIFIERS
            )
            for t in rest
        ):
            return index
    return None


def _dismissed(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """ "Отмечать друзей в инсте нельзя, но пофиг, делаем": a ban waved away does not
    refuse what it banned."""
    if not any(hit.negated for hit in hits):
        return hits
    at = _dismissal_at(tokens)
    if at is None:
        return hits
    return [
        Hit(hit.pattern, hit.tokens, False, None)
        if hit.negated and hit.high < at and (hit.negation_start or 0) < at
        else hit
        for hit in hits
    ]


def _contrasted(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """ "Only to those who gave consent; those who did not give consent get nothing": a
    message phrase that names the harm by a negated consent ("!") is the contrast, not the
    plan, where the same tactic's consent phrase also matches un-negated in another clause of
    the line (the people who did consent). In one clause ("every new subscriber gets a
    message without having opted in") the un-negated word is someone else's. A Russian verb
    in "we" ("автоматом подписываем на рассылки партнёров, без отдельной галки") is the
    business signing people up, not their consent (session 24, tuning set 140)."""
    affirmed = {
        (hit.pattern.tactic, tokens[hit.low].clause)
        for hit in hits
        if hit.pattern.when_negated
        and not hit.negated
        and hit.pattern.tactic in CONSENT_NAMED_TACTICS
        and not any(tokens[i].text.endswith(RUSSIAN_WE_ENDINGS) for i in hit.tokens)
    }
    if not affirmed:
        return hits
    return [
        Hit(hit.pattern, hit.tokens, False, None)
        if hit.pattern.when_negated
        and hit.negated
        and any(
            tactic == hit.pattern.tactic and clause != tokens[hit.low].clause
            for tactic, clause in affirmed
        )
        else hit
        for hit in hits
    ]


def consents(tokens: Sequence[Token]) -> bool:
    """The line says its messages go to people who started the conversation or opted in ("only
    to users who pressed «Начать»", "İYS onayı olan", "ที่ยินยอม"); not where that is negated."""
    return any(
        t.text.startswith(CONSENT_PREFIXES) and not _consent_refused(i, tokens)
        for i, t in enumerate(tokens)
    )


def _consent_refused(index: int, tokens: Sequence[Token]) -> bool:
    """ "Without consent", "без согласия", "โดยไม่ได้ขอความยินยอม", "onay vermeyen": a negation
    anywhere before the consent word in its clause, or a negated verb right after it, or a
    Turkish one after the noun the word qualifies ("İYS kontrolü yapılmadı", "İYS kaydı
    alınmadan": session 30)."""
    clause = tokens[index].clause
    before = [t for t in tokens[:index] if t.clause == clause]
    after = [t for t in tokens[index + 1 : index + 3] if t.clause == clause]
    return (
        tokens[index].negative_verb
        or any((t.cue or t.conditional) and not t.protective for t in before)
        or any(t.negative_verb or t.post_cue for t in after[:1])
        or any(t.negative_verb for t in after[1:])
    )


def _consented(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """Automated messages to people who started the bot or opted in are lawful: "the chatbot
    writes only to users who pressed «Начать»", "WhatsApp to customers with İYS consent". The
    automated-message phrases of such a line are not used. A bought list stays a bought list:
    consent speaks for the messaging tactics only (``CONSENT_TACTICS``)."""
    if not consents(tokens):
        return hits
    return [
        Hit(hit.pattern, hit.tokens, True, hit.low)
        if hit.pattern.tactic in CONSENT_TACTICS and not hit.pattern.when_negated
        else hit
        for hit in hits
    ]


def _rejects(index: int, tokens: Sequence[Token]) -> bool:
    """The word at ``index`` approves or publishes and is negated: "not approved", "yayına
    almıyoruz", "onaylanmaz", "не публикуем", "เราไม่อนุมัติ"."""
    token = tokens[index]
    # A quoted label's name ("sans mention « publi-information »") publishes nothing.
    if not token.text.startswith(GATE_PREFIXES) or token.quote >= 0:
        return False
    if token.negative_verb:
        return True
    near = [
        t
        for t in tokens[max(0, index - 2) : index + 2]
        if t.clause == token.clause and t is not token
    ]
    # "onay da yok" (no approval either): a post-negation after it.
    return any(
        t.cue or t.conditional or t.negative_verb or (t.post_cue and t.start > token.start)
        for t in near
    )


def _required_disclosure(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """A rule that refuses what lacks the label requires the label: "#işbirliği etiketi en başta
    yoksa yayına almıyoruz", "if there is no #ad we don't approve it", "ถ้าไม่ติดเราไม่อนุมัติ".
    A disclosure phrase stated as the condition (a condition word in it or within
    ``GATE_CONDITION_REACH`` words of it, in its clause) of a rejection that follows it is the
    rule's condition, not a plan: "!" phrases are not used, plain ones ("no #ad") are refused."""
    rejections = [i for i in range(len(tokens)) if _rejects(i, tokens)]
    if not rejections:
        return hits

    def conditioned(hit: Hit) -> bool:
        clause = tokens[hit.low].clause
        later = [i for i in rejections if i > hit.high]
        if not later:
            return False
        condition = any(
            t.clause == clause
            and (t.text in OTHERWISE_WORDS or t.text in CONDITIONALS or t.conditional)
            for t in tokens[: hit.high + 1 + GATE_CONDITION_REACH]
        )
        # "Без пометки «реклама» пост не публикуем", "Sans #sponsorisé, on ne valide pas": a
        # "without" that opens its clause is the condition of a rejection in that clause or
        # the next.
        # A phrase that holds its own negation ("no disclosure, no slot") starts with it.
        start = hit.negation_start
        if start is None and tokens[hit.low].cue:
            start = hit.low
        fronted = (
            start is not None
            and all(t.clause != clause for t in tokens[:start])
            and tokens[later[0]].clause <= clause + 1
        )
        return condition or fronted

    return [
        _set_aside(hit) if hit.pattern.tactic in DISCLOSURE_TACTICS and conditioned(hit) else hit
        for hit in hits
    ]


def _nobody(index: int, tokens: Sequence[Token]) -> bool:
    """The word at ``index`` says no one: "nobody", "никто", "kimse", English "no one", Thai
    "ไม่มี ใคร" (there is no one)."""
    text = tokens[index].text
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    previous = tokens[index - 1].text if index else ""
    return (
        text in NOBODY_WORDS
        or (text == "no" and following == "one")
        or (text == "ใคร" and previous == "ไม่มี")
    )


def _counted_on(verb: int, tokens: Sequence[Token], between: Sequence[Token]) -> bool:
    """The check at ``verb`` is one the line counts on not happening: not told in the past
    (by the verb, a French auxiliary before it or a Turkish auxiliary after it), not asked for
    ("kimse şikayet etmesin")."""
    after = tokens[verb + 1].text if verb + 1 < len(tokens) else ""
    words = (tokens[verb].text, after)
    return not (
        any(PAST_TENSE.search(word) for word in words)
        or any(t.text in FRENCH_PAST_AUXILIARIES for t in between)
        or any(word.endswith(TURKISH_OPTATIVE_ENDINGS) for word in words)
    )


def _nobody_checks(tokens: Sequence[Token]) -> int | None:
    """ "nobody checks", "никто не проверит", "personne ne vérifie", "kimse fark etmez",
    "ไม่มีใครตรวจหรอก": no one, then within ``NOBODY_REACH`` words of its clause a verb of
    checking, not in the past, not a purpose ("so nobody complains"). The verb's index."""
    for index, token in enumerate(tokens):
        if not _nobody(index, tokens) or any(
            t.text in ENSURING_WORDS for t in tokens[max(0, index - NOBODY_REACH) : index]
        ):
            continue
        for verb in range(index + 1, min(len(tokens), index + 1 + NOBODY_REACH)):
            if tokens[verb].clause != token.clause:
                break
            if tokens[verb].text.startswith(OVERSIGHT_PREFIXES):
                return verb if _counted_on(verb, tokens, tokens[index + 1 : verb]) else None
    return None


def _until_caught(tokens: Sequence[Token]) -> int | None:
    """ "till someone complains", "до первой жалобы", "jusqu'à ce que quelqu'un se plaigne",
    "จนกว่าจะมีคนร้องเรียน"; Turkish "şikayet gelene kadar", "fark edilene kadar". The index of
    the complaint or the noticing."""
    for index, token in enumerate(tokens):
        if token.text in UNTIL_CAUGHT_WORDS:
            after = tokens[index + 1 : index + 1 + CAUGHT_REACH]
            caught = [
                index + 1 + offset
                for offset, t in enumerate(after)
                if t.text.startswith(CAUGHT_PREFIXES)
            ]
            if caught and any(t.text in CAUGHT_BY_WORDS for t in after):
                return caught[0]
        elif token.text == TURKISH_UNTIL and index:
            before = index - 1
            if tokens[before].text in TURKISH_COMING and before:
                before -= 1
            if tokens[before].text.startswith(CAUGHT_PREFIXES):
                return before
    return None


def expects_no_check(tokens: Sequence[Token]) -> bool:
    """The line counts on no one checking or complaining ("nobody checks", "until someone
    complains", "hopefully moderation misses it", "legal can review after launch"): whoever
    writes that knows the step would not pass a check. A line that turns something down or
    protects is not ("the client said nobody checks; we said no")."""
    check = _nobody_checks(tokens)
    if check is None:
        check = _until_caught(tokens)
    # The check's own words may be protective ones ("report", "жалоба", "şikayet", the
    # "moderation" hoped to miss it).
    own = range(check, check + 1) if check is not None else _hopes_unchecked(tokens)
    if own is None:
        own = _check_put_off(tokens)
    if own is None or declines(tokens):
        return False
    # An undo kept ready ("inşallah yakalamaz, yakalarsa sileriz") is part of the bet.
    undone = undo_if_caught(tokens)
    return not any(t.protective for i, t in enumerate(tokens) if i not in own and i not in undone)


def _check_put_off(tokens: Sequence[Token]) -> range | None:
    """ "sort the legal bit later", "юристы потом допишут", "проверку юристом ставим в
    бэклог", "legal can review after launch", "onay yayından sonra": a check or its checker
    (``PUT_OFF_CHECK_PREFIXES``), then within ``PUT_OFF_REACH`` words of its clause a word of
    later (``LATER_PREFIXES``) or "after launch", with no negation between ("no approval, no
    launch, later"). "After approval we publish" puts nothing off: the check stands after
    "after" there. The words from the check to the later."""
    for index, token in enumerate(tokens):
        later = (
            token.text.startswith(LATER_PREFIXES)
            # Thai "ทีหลัง" (later) is read as two words.
            or (index > 0 and (tokens[index - 1].text, token.text) == THAI_LATER)
            or (
                token.text in AFTER_WORDS
                and any(t.text.startswith(LAUNCH_PREFIXES) for t in tokens[index + 1 : index + 3])
            )
        )
        # Turkish puts "sonra" after what it follows: "yayından sonra" (after going live).
        turkish = (
            token.text == TURKISH_AFTER
            and index > 0
            and tokens[index - 1].text.startswith(LAUNCH_PREFIXES)
        )
        if not (later or turkish):
            continue
        start = index - 1 if turkish else index
        for check in range(max(0, index - PUT_OFF_REACH), index):
            between = tokens[check : index + 1]
            # "approval first then launch later": the later is the launch's.
            if (
                tokens[check].text.startswith(PUT_OFF_CHECK_PREFIXES)
                and tokens[check].clause == token.clause
                and not any(t.cue for t in between)
                and not any(t.text.startswith(LAUNCH_PREFIXES) for t in tokens[check + 1 : start])
            ):
                return range(check, index + 1)
    return None


def _hopes_unchecked(tokens: Sequence[Token]) -> range | None:
    """ "hopefully moderation misses it", "авось модерация пропустит", "inşallah moderasyon
    yakalamaz", "หวังว่าจะหลุดรอบตรวจ": a hope, then within ``HOPE_REACH`` words a check's verb
    negated ("won't notice", "не заметят", "yakalamaz"), or a word of slipping through with
    the check named near it (``CHECKER_PREFIXES``: "hope you don't miss the sale" slips past
    nothing), not in the past. After "авось" (a gamble, not a hope) the check letting it
    through is enough ("пропустит"; "надеемся, модерация пропустит" hopes for an approval).
    The words from the hope to the verb."""
    for index, token in enumerate(tokens):
        if token.text not in HOPE_WORDS:
            continue
        for verb in range(index + 1, min(len(tokens), index + 1 + HOPE_REACH)):
            word = tokens[verb]
            negated = word.negative_verb or any(
                t.cue and not t.protective for t in tokens[max(index, verb - 2) : verb]
            )
            slips = (
                word.text.startswith(SLIP_PREFIXES)
                or (token.text in GAMBLE_WORDS and word.text.startswith(GAMBLE_SLIP_PREFIXES))
            ) and any(
                t.text.startswith(CHECKER_PREFIXES) for t in tokens[index : verb + HOPE_REACH]
            )
            if (slips or (negated and word.text.startswith(CATCH_PREFIXES))) and _counted_on(
                verb, tokens, tokens[index + 1 : verb]
            ):
                return range(index, verb + 1)
    return None


def undo_if_caught(tokens: Sequence[Token], harmed: Collection[int] = ()) -> set[int]:
    """The take-down words of an undo kept ready for when the step is caught: "if anyone
    complains we just delete it", "once flagged we pull it", "şikâyet gelirse videoyu
    kaldırırız", "โดนเมื่อไหร่ค่อยลบ", "если пожалуются — удалим". A condition or "when"
    (``UNDO_CONDITIONS``) with a complaint or a catch just before or after it, or a Turkish
    conditional verb after the complaint ("gelirse", "yakalanınca"), then a take-down within
    ``UNDO_REACH`` words. Only when no word of a harm (``harmed``) stands between the
    condition and the take-down is it the plan's escape: "if someone reports a spam comment,
    delete it" fights the spam."""
    undone: set[int] = set()
    for index, token in enumerate(tokens):
        if token.text in UNDO_CONDITIONS:
            trigger = next(
                (
                    j
                    for j in range(max(0, index - 2), min(len(tokens), index + 1 + CAUGHT_REACH))
                    if j != index and tokens[j].text.startswith(UNDO_TRIGGER_PREFIXES)
                ),
                None,
            )
            if trigger is None:
                continue
            start = min(index, trigger)
        elif TURKISH_CONDITIONAL.search(token.text) and any(
            t.text.startswith(UNDO_TRIGGER_PREFIXES) for t in tokens[max(0, index - 2) : index + 1]
        ):
            trigger, start = index, max(0, index - 2)
        else:
            continue
        after = max(index, trigger)
        undone.update(
            j
            for j in range(after + 1, min(len(tokens), after + 1 + UNDO_REACH))
            if tokens[j].protective
            and tokens[j].text.startswith(TAKE_DOWN_PREFIXES)
            and not any(start <= i <= j for i in harmed)
        )
    return undone
