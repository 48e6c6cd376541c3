"""Numeric claims: a figure, what it counts, who asserts it, and who disputes it.

A war is reported through figures that parties assert ("Russia says it has
recaptured 86%"), so a figure is never stored as a bare fact: its claimant is
the speaker of the quote it sits in, the "according to" source of its
sentence, or the subject of the speech verb that reports it; null means the
outlet states it. Dates and durations are times, not claims, and are skipped
(the NER labels them DATE/TIME). Status comes from the same modality reading
as events ("If we get that, that will be 80%" is hypothetical).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..budget import check as check_budget
from ..model import Analysis, Article, Claim, Entity
from .events.arguments import ActorIndex, _named_head
from .events.status import _status
from .events.syntax import _clause_verb
from .events.words import SPEECH_VERBS
from .text import doc_ents, doc_text, doc_tokens, sentence_of, span_tokens, trimmed

_APPROX = {
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "at least": "at least",
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "approximately": "about",
    "an estimated": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "up to": "up to",
    "as many as": "up to",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "at most": "at most",
    "between": "between",
}
_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALE = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "dozen": 12,
    "hundreds": 1e2,
    "thousands": 1e3,
    "millions": 1e6,
}
_PEOPLE = frozenset(
    [
        "people",
        "persons",
        "men",
        "women",
        "children",
        "soldiers",
        "troops",
        "servicemen",
        "civilians",
        "fighters",
        "refugees",
        "residents",
        "casualties",
        "dead",
        "wounded",
        "prisoners",
        "hostages",
        "migrants",
        "militants",
        "rebels",
    ]
)
_UNITS = {
    "square kilometers": "km2",
    "square kilometres": "km2",
    "sq km": "km2",
    "km2": "km2",
    "square miles": "mi2",
    "kilometers": "km",
    "kilometres": "km",
    "km": "km",
    "miles": "mi",
    "hectares": "ha",
    "tons": "t",
    "tonnes": "t",
    "dollars": "USD",
    "euros": "EUR",
    "pounds": "GBP",
    "rubles": "RUB",
    "roubles": "RUB",
    "hryvnias": "UAH",
}
_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB"}
_DISPUTE_VERBS = frozenset(["dispute", "deny", "reject", "contest", "challenge", "question"])
#: "a figure Moscow has not confirmed": not confirming is a dispute; "did not dispute" is not
_CONFIRM_VERBS = frozenset(["confirm", "verify", "accept", "acknowledge", "corroborate"])
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


def _value(tokens: list[Token]) -> float | None:
    """86, 1,100, 67.5, "five", "1.5 million", "two thousand"."""
    value: float | None = None
    for tok in tokens:
        text = tok.text.lower().replace("%", "")
        if _NUMBER.match(text):
            value = float(text.replace(",", ""))
        elif text in _WORDS:
            value = (value or 0) + _WORDS[text]
        elif text in _SCALE and value is not None:
            value *= _SCALE[text]
    return value


def _approx(doc: Doc, start: int, first_number: int) -> str | None:
    """The hedge before the figure, inside the entity ("more than 86 percent") or before it."""
    at = doc[first_number].idx
    before = doc_text(doc)[max(0, doc[start].idx - 20) : at].lower()
    for phrase, norm in _APPROX.items():  # no phrase ends another: order is free
        if re.search(rf"\b{phrase}\s*$", before):
            return norm
    return None


def _unit(ent: Span) -> tuple[str, Token | None]:
    """Normalised unit and the counted noun: "86%" -> percent; "67,000 men" -> people."""
    doc = ent.doc
    text = ent.text.lower()
    if "%" in text or re.search(
        r"\bper ?cent\b", text + doc_text(doc)[ent.end_char : ent.end_char + 9].lower()
    ):
        return "percent", None
    sign = doc_text(doc)[max(0, ent.start_char - 1) : ent.start_char]
    if sign in _CURRENCY_SIGNS or ent.text[:1] in _CURRENCY_SIGNS:
        return _CURRENCY_SIGNS.get(sign) or _CURRENCY_SIGNS[ent.text[0]], None
    after = doc_text(doc)[ent.end_char : ent.end_char + 20].lower()
    for phrase, unit in _UNITS.items():
        if after.lstrip().startswith(phrase) or text.endswith(phrase):
            return unit, None
    head = ent[-1].head if ent[-1].dep_ in ("nummod", "quantmod", "compound") else None
    if head is not None and (head.like_num or head.pos_ != "NOUN"):
        head = None
    if head is None:
        nxt = doc[ent.end] if ent.end < len(doc) else None
        head = nxt if nxt is not None and nxt.pos_ == "NOUN" else None
    if head is None and ent.end + 2 < len(doc) and doc[ent.end].lower_ == "of":
        # "10 of 36 hospitals": the part counts what the whole counts
        whole = doc[ent.end + 1 : ent.end + 4]
        head = next((t for t in whole if t.pos_ == "NOUN"), None)
    if head is None:
        return "count", None
    if head.lower_ in _PEOPLE:
        return "people", head
    return head.lemma_.lower(), head


_LEVEL_VERBS = frozenset(
    ["rise", "climb", "reach", "stand", "increase", "fall", "drop", "hit", "exceed", "top", "be"]
)


#: Verbs that state an estimate: "put the death toll at 31", "estimated the number
#: of displaced at 40,000", "pegged losses at $2 billion".
_ESTIMATE_VERBS = frozenset(["put", "set", "place", "estimate", "peg", "fix", "give"])


def _estimated(ent: Span) -> tuple[Token, Token] | None:
    """(estimate verb, what it estimates) for a figure after "at": "put the toll at 31"."""
    at = ent[-1].head
    while at.dep_ in ("nummod", "quantmod", "compound") and at.head.i != at.i:
        at = at.head  # "at 40,000 people": the figure's noun hangs from "at"
    if at.dep_ == "pobj":
        at = at.head
    if at.lower_ != "at" or at.head.lemma_.lower() not in _ESTIMATE_VERBS:
        return None
    verb = at.head
    what = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return (verb, what) if what is not None and what.pos_ == "NOUN" else None


def _measure(ent: Span, noun: Token | None, estimated: tuple[Token, Token] | None) -> str:
    """What is counted, in the text's words: the verb and the counted thing.

    A level reached by something is that thing: "the death toll rose to more
    than 300" measures the death toll, and so does "put the death toll at 31".
    """
    doc = ent.doc
    if estimated is not None:
        what = estimated[1]
        phrase = doc[what.left_edge.i : what.right_edge.i + 1]
        return " ".join(t.text for t in phrase if not (t.dep_ == "det" and t.i == phrase.start))
    anchor = noun or ent[-1]
    verb = _clause_verb(anchor)
    if verb.lemma_ in _LEVEL_VERBS and (noun is None or noun.lower_ in ("people", "count")):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ == "NOUN":
            phrase = doc[subj.left_edge.i : subj.right_edge.i + 1]
            words = [t for t in phrase if not (t.dep_ == "det" and t.i == phrase.start)]
            return " ".join(t.text for t in words[:10])
    parts: list[str] = []
    of = [c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"]
    if noun is not None:
        parts.append(noun.text)
    for prep in of:
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if objs:
            obj = objs[0]
            parts.append(doc[obj.left_edge.i : obj.right_edge.i + 1].text)
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_ not in ("be", "have"):
        parts.insert(0, verb.text)
    return " ".join(" ".join(parts).split())[:160] or ent.text


def _is_figure(tok: Token) -> bool:
    """A number that is a figure, not part of a date ("in April 2023")."""
    return bool(tok.like_num) and tok.ent_type_ not in ("DATE", "TIME")


_FIGURE_NOUNS = frozenset(["figure", "claim", "number", "toll", "estimate", "count", "tally"])


def _disputed(ent: Span, index: ActorIndex) -> tuple[list[str], str | None]:
    """Who disputes the figure, and the words that say so.

    "..., a figure Kyiv denies", "a claim that Moscow rejected", "a number Egypt
    questions": a figure noun after the claim, then a party, then a verb of
    dispute (the parser often reads "questions" or "disputes" as a noun, so the
    word decides, not its tag). When the text is cut off right after the party
    ("a figure that Kyiv..." at the end of a truncated article) the party is
    recorded too, and the cue says the verb is missing.
    """
    doc = ent.doc
    toks = doc_tokens(doc)
    sent = sentence_of(toks[ent.start])
    found: list[str] = []
    cue: str | None = None
    for tok in span_tokens(sent):
        if tok.i < ent.end or tok.lemma_.lower() not in _FIGURE_NOUNS:
            continue
        plural = tok.lower_ != tok.lemma_.lower()  # "figures" (tagged as a verb at times)
        if not plural and any(_is_figure(t) for t in toks[ent.end : tok.i]):
            break  # "a figure that ..." speaks of the last figure before it only; "figures", of all
        j = tok.i + 1
        if j < len(doc) and toks[j].lower_ in ("that", "which"):
            j += 1
        party = None
        while j < len(doc) and j < tok.i + 8 and not toks[j].is_punct:
            who = index.entity(toks[j])
            if who is not None:
                party = who
                while j + 1 < len(doc) and index.entity(toks[j + 1]) is who:
                    j += 1
                break
            j += 1
        if party is None:
            continue
        nxt = toks[j + 1] if j + 1 < len(doc) else None
        rest = doc_text(doc)[toks[j].idx + len(toks[j].text) :].strip()
        disputes = nxt is not None and nxt.lemma_.lower() in _DISPUTE_VERBS
        negated_confirm = (
            nxt is not None
            and nxt.lemma_.lower() in ("have", "do")
            and j + 3 < len(doc)
            and toks[j + 2].lower_ in ("not", "n't")
            and toks[j + 3].lemma_.lower() in _CONFIRM_VERBS
        )
        # the text ends at the party: "a figure that Kyiv..." (ingest may have cut the dots)
        cut = not rest.strip(".\u2026 ")
        if disputes or negated_confirm or cut:
            if party.id not in found:
                found.append(party.id)
            last = toks[j + 3] if negated_confirm else nxt  # "has not confirmed"
            end = (
                last.idx + len(last.text)
                if last is not None and not cut
                else toks[j].idx + len(toks[j].text)
            )
            cue = doc_text(doc)[tok.idx : end] + (" ... (text cut off)" if cut else "")
    for tok in span_tokens(sent):  # "Moscow denied the figure": a dispute verb with its own subject
        if tok.i < ent.end or tok.pos_ != "VERB" or tok.lemma_.lower() not in _DISPUTE_VERBS:
            continue
        if any(_is_figure(t) for t in toks[ent.end : tok.i]):
            break
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "Israel did not dispute the figure"
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            who = index.entity(subj)
            if who is not None and who.id not in found:
                found.append(who.id)
                cue = cue or doc_text(doc)[subj.idx : tok.idx + len(tok.text)]
    return found, cue


def extract_claims(article: Article, doc: Doc, analysis: Analysis) -> list[Claim]:
    """Figures with claimant, unit, approximation, measure, status and disputes."""
    index = ActorIndex(analysis)
    by_id = {e.id: e for e in analysis.entities}
    claims: list[Claim] = []
    for ent in (piece for whole in doc_ents(doc) for piece in _pieces(whole)):
        check_budget()
        if ent.label_ not in ("PERCENT", "CARDINAL", "QUANTITY", "MONEY"):
            continue
        value = _value(list(ent))
        if value is None:
            continue
        bounds = [_value([t]) for t in ent if t.like_num]
        ranged = ent.text.lower().startswith("between") and len(bounds) == 2 and None not in bounds
        if ranged:  # "between 300 and 400 trucks": the lower bound, the upper kept beside it
            value = float(bounds[0])  # type: ignore[arg-type]
        unit, noun = _unit(ent)
        if unit == "count" and noun is None and (value == 1 or _part_of(ent)):
            continue  # "one", "two of them": a part named, not a figure anyone claims
        if noun is not None and noun.dep_ == "nsubj" and noun.head.lemma_ in SPEECH_VERBS:
            continue  # "two officials said": who speaks, not what is claimed
        sent = sentence_of(ent[0])
        estimated = _estimated(ent)
        claimant, claimant_text = _claimant(ent, sent, analysis, index, by_id, estimated)
        verb = _clause_verb(noun or ent[-1])
        status, _ = _status(verb)
        disputed, dispute_cue = _disputed(ent, index)
        claims.append(
            Claim(
                id="",
                claimant=claimant.id if claimant else None,
                claimant_text=claimant_text,
                value=value,
                unit=unit,
                approx=_approx(doc, ent.start, next((t.i for t in ent if t.like_num), ent.start)),
                measure=_measure(ent, noun, estimated),
                span=(ent.start_char, ent.end_char),
                sentence=trimmed(doc, sent.start_char, sent.end_char),
                status=status,
                disputed_by=disputed,
                dispute_cue=dispute_cue,
                value_max=bounds[1] if ranged else None,
            )
        )
    for i, c in enumerate(claims, start=1):
        c.id = f"C{i}"
    return claims


def _part_of(ent: Span) -> bool:
    """ "Two of them", "one of the attackers": the figure picks out members."""
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].lower_ == "of"


def _pieces(ent: Span) -> list[Span]:
    """ "€40 million and £12 million": the model's one entity is two figures. A
    range ("between 300 and 400") stays one."""
    if ent[0].lower_ in ("between", "from"):
        return [ent]
    doc = ent.doc
    pieces, start = [], ent.start
    for tok in ent:
        if (
            tok.lower_ in ("and", "or", ",")
            and any(t.like_num for t in doc[start : tok.i])
            and any(t.like_num for t in doc[tok.i + 1 : ent.end])
        ):
            pieces.append(Span(doc, start, tok.i, label=ent.label))
            start = tok.i + 1
    pieces.append(Span(doc, start, ent.end, label=ent.label))
    return pieces


def _claimant(
    ent: Span,
    sent: Span,
    analysis: Analysis,
    index: ActorIndex,
    by_id: dict[str, Entity],
    estimated: tuple[Token, Token] | None,
) -> tuple[Entity | None, str | None]:
    """Quote speaker, else "according to", else the reporting verb's subject."""
    start = ent.start_char
    inside = [
        q for q in analysis.quotes if q.span[0] <= start < q.span[1] and q.speaker_text is not None
    ]
    if inside:
        q = min(inside, key=lambda q: q.span[1] - q.span[0])
        who = by_id.get(q.speaker or "")
        pronoun = (q.speaker_text or "").lower() in ("he", "she", "they", "it")
        return who, (who.name if who is not None and pronoun else q.speaker_text)
    if estimated is not None:  # "the army put the toll at 31": the army's figure
        subj = next((c for c in estimated[0].children if c.dep_ == "nsubj"), None)
        if (
            subj is not None
            and subj.lower_ in ("which", "who", "that")
            and estimated[0].dep_ == ("relcl")
        ):
            subj = estimated[0].head  # "The army, which put the toll at 31"
        if subj is not None:
            return _who(subj, index)
    reporter = _reporter(ent)
    return _who(reporter, index) if reporter is not None else (None, None)


def _who(tok: Token, index: ActorIndex) -> tuple[Entity | None, str]:
    """The entity a claimant's words name, and the words: its name when it has
    one, else the phrase ("Officials", "local health officials")."""
    named = _named_head(tok, index)
    return named, (named.name if named else _phrase(tok))


#: Verbs whose object is a figure someone puts forward ("reported 40 deaths").
_REPORT_VERBS = SPEECH_VERBS | {"acknowledge", "record", "register", "count", "cite", "admit"}


#: The links from a figure up to the noun phrase a reporting verb takes.
_UP_TO_THE_OBJECT = frozenset(["nummod", "pobj", "prep"])


def _reporter(ent: Span) -> Token | None:
    """Who puts forward a figure that no quotation or "according to" covers: the
    subject of a reporting verb whose object holds the figure ("the ministry
    reported 40 deaths", "Russia acknowledged the loss of 12 aircraft"), or the
    object of a "per" opening the clause ("Per the health ministry, 80 ...").
    Quotations and "according to" are read by the quote extractor first."""
    tok = ent[-1]
    while tok.dep_ in _UP_TO_THE_OBJECT and tok.head.i != tok.i:
        tok = tok.head  # 12 -> aircraft -> of -> loss
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _REPORT_VERBS:
            return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in _REPORT_VERBS:
            # "40 deaths were reported by the ministry"
            agent = next((c for c in tok.head.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    verb = _clause_verb(ent[-1])
    per = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "per" and c.i < verb.i), None
    )
    return next((c for c in per.children if c.dep_ == "pobj"), None) if per is not None else None


def _phrase(tok: Token) -> str:
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
    return " ".join(t.text for t in span if not (t.dep_ == "det" and t.i == span.start))
