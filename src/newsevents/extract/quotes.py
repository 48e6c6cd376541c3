"""Who said what: direct, partial and indirect quotes with their speakers.

Quotation marks are paired per paragraph ("..." and curly quotes), so an
unbalanced mark can never swallow the rest of the article: a quote that is not
closed in its paragraph continues only when the next paragraph opens with a
mark (the wire convention for quotes over several paragraphs), else it is
dropped. Each quote then finds its cue: a speech verb after it in the same
sentence ('"...," he said'), or the nearest one before it ('X warned that the
ball is "in Putin's court"'; 'X said: "..."'). The cue's subject is the
speaker; pronouns go to the last person named before. A speech verb with a
that-clause and no quotation marks is an indirect quote.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..budget import check as check_budget
from ..gazetteer import load_gazetteer, read_table
from ..model import Analysis, Article, Entity, Quote, QuoteKind
from .events.arguments import ActorIndex, actors_of
from .events.words import SPEECH_VERBS
from .text import doc_ents, doc_text, doc_tokens, sentence_of

_OPEN = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
#: Quotation marks typed as two characters: two apostrophes (''...'', as some
#: archives and newswire feeds write them) or TeX's ``...''.
_DOUBLED = ("''", "``")
#: Longest quote we accept, in characters: a guard against runaway pairing.
_MAX_QUOTE = 3000
#: Verbs that introduce reported speech besides the event coder's speech verbs.
_CUES = SPEECH_VERBS | {
    "hope",
    "argue",
    "suggest",
    "promise",
    "admit",
    "deny",
    "acknowledge",
    "predict",
    "reply",
    "respond",
    "tweet",
    "post",
    "ask",
    "quote",
    "describe",
    "call",
    "estimate",
    "emphasize",
    "emphasise",
    "point",
    "indicate",
    "conclude",
    "reiterate",
    "complain",
    "testify",
    # manners of saying that introduce a quotation as "said" does
    "boast", "brag", "answer", "counter", "retort", "concede", "recall", "remark",
    "observe", "comment", "maintain", "contend", "mention", "shout", "whisper", "chant",
    "muse", "lament", "opine", "proclaim", "caution", "clarify", "speculate", "recount",
    "affirm", "echo", "quip", "joke", "scoff", "snap", "insist", "declare", "assert",
    # urging (VerbNet advise-37.9): "exhorted Republicans to "vote your conscience""
    "urge", "exhort", "implore", "beseech", "entreat", "plead", "beg", "appeal",
    # confessing, questioning, and a document's text: '"...," the statement reads'
    "confess", "question", "wonder", "read", "exclaim",
}  # fmt: skip
#: Verbs that introduce a quotation only when it follows them at once, after a
#: comma, colon or full stop: 'Bystrom agreed. "..."', 'He continued, "..."'.
_LEAD_CUES = frozenset(["agree", "disagree", "continue", "go", "elaborate", "explain", "add"])
_ANY_LEAD_CUE = _CUES | _LEAD_CUES


@dataclass
class _Marked:
    start: int  # first character inside the marks
    end: int  # last character inside the marks, exclusive


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks, paired within paragraphs.

    A quote that runs over paragraphs gives one span per paragraph (the wire
    convention reopens the mark at each new paragraph and closes it only at
    the end), so no span ever holds a paragraph break or a quotation mark.
    """
    found: list[_Marked] = []
    pending: _Marked | None = None  # a paragraph's quote still open at its end
    for p_start, p_end in _paragraphs(text):
        reopened = text[p_start : p_start + 1] in _OPEN or text[p_start : p_start + 2] in _DOUBLED
        if pending is not None and reopened:
            found.append(pending)  # confirmed: the next paragraph reopens it
        pending = None  # else it never closed: malformed, dropped
        i = p_start
        opened: tuple[int, str, int] | None = None  # where, the closing mark, its width
        while i < p_end:
            ch = text[i]
            pair = text[i : i + 2]
            if opened is None and pair in _DOUBLED and _opens(text, i, 2):
                opened = (i, "''", 2)  # ''typewriter'' or ``typeset'' quotes
                i += 2
                continue
            if opened is not None and opened[1] == "''" and pair == "''" and _closes(text, i):
                if i - opened[0] <= _MAX_QUOTE:
                    found.append(_Marked(opened[0] + 2, i))
                opened = None
                i += 2
                continue
            if opened is None and ch in _OPEN and _opens(text, i):
                opened = (i, _OPEN[ch], 1)
            elif opened is None and ch == "\u201d" and _opens_line(text, i, p_start):
                opened = (i, ch, 1)  # a closing mark typed for an opening one, at a line start
            elif opened is not None and ch == opened[1] and (ch != '"' or _closes(text, i)):
                if i - opened[0] <= _MAX_QUOTE:
                    found.append(_Marked(opened[0] + 1, i))
                opened = None
            i += 1
        if opened is not None:
            end = len(text[:p_end].rstrip())
            if end - opened[0] <= _MAX_QUOTE:
                pending = _Marked(opened[0] + opened[2], end)
    return [(m.start, m.end) for m in found if m.end > m.start]


def _opens(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return not after.isspace() and (before.isspace() or before in "([{—–-:,;" or i == 0)


def _opens_line(text: str, i: int, p_start: int) -> bool:
    """A mark at the start of a line, before a word, that closes again on that line."""
    line_end = text.find("\n", i)
    line = text[i + 1 : line_end if line_end >= 0 else len(text)]
    return (
        (i == p_start or text[i - 1] == "\n")
        and i + 1 < len(text)
        and text[i + 1].isalnum()
        and "\u201d" in line
    )


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return not before.isspace()


def _who(tok: Token, index: ActorIndex) -> Entity | None:
    """The entity a speaker phrase names: the head, its apposition ("Pakistan's
    foreign minister, Ishaq Dar"), a described person, else a name inside it."""
    # "Obama's former strategist" is not Obama: a possessor names someone else
    owned = [t for c in tok.children if c.dep_ == "poss" for t in c.subtree]
    by_owner = {e.id for t in owned if (e := index.entity(t)) is not None}
    ids = [i for i in actors_of([tok], index) if i not in by_owner]
    if ids:
        return index.by_id.get(ids[0])
    skip = {t.i for t in owned}
    return next(
        (e for t in tok.subtree if t.i not in skip and (e := index.entity(t)) is not None), None
    )


def _speaker_of(cue: Token) -> Token | None:
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        # two subjects: the parser hung the quoted clause's head on the verb too
        # ('Couple exposure with ... , said Christine Link'); the inverted one is the speaker
        return next((c for c in subjects if c.i > cue.i), subjects[0])
    if cue.dep_ in ("conj", "advcl", "xcomp") and cue.head.i != cue.i:
        return _speaker_of(cue.head)  # "..., adding that": the subject of the first verb
    if cue.dep_ == "pcomp" and cue.head.dep_ == "prep" and cue.head.head.pos_ in ("VERB", "AUX"):
        return _speaker_of(cue.head.head)  # "began by saying": the subject of "began"
    return None


#: Words that introduce the title of a work or an operation, not someone's words.
_TITLE_CUES = frozenset(["titled", "entitled", "headlined", "codenamed", "code-named"])
_MINOR_WORDS = frozenset(["a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "with"])


def _title(text: str, start: int, end: int) -> bool:
    """A quoted title: after "titled"/"entitled", or a short phrase of capitalised
    words inside a sentence ("the hit show "The Apprentice""), not a full clause."""
    inner = text[start:end].strip(" ,.")
    words = inner.split()
    before = text[max(0, start - 30) : start - 1].split()
    if before and before[-1].lower().strip(",") in _TITLE_CUES:
        return True
    if not 2 <= len(words) <= 6 or inner.endswith(("?", "!")):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    inside_sentence = bool(text[line_start : start - 1].strip())  # words before it
    capitalised = (
        all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words) and words[0][:1].isupper()
    )
    sentence_end = text[start:end].rstrip(" ,").endswith(".")  # "Make It Great Again."
    return inside_sentence and capitalised and not sentence_end


def _as_frame(doc: Doc, start: int, end: int) -> Token | None:
    """The verb that casts someone as the quoted words: "X has been pounding Trump
    as a "con artist"", "the site rated the claims as "false"": its subject
    characterises, in the words quoted, so it is their source."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span[0].ancestors:
        if tok.idx < start or tok.idx >= end:  # the first word outside the quote
            if tok.dep_ == "pobj":
                continue
            if tok.dep_ == "prep" and tok.lower_ == "as":
                verb = tok.head
                deps = {c.dep_ for c in verb.children}
                # active, with its object: a passive ("was branded as") names no source here
                if verb.pos_ == "VERB" and "dobj" in deps and "nsubj" in deps:
                    return verb
            return None
    return None


def _quoted(tok: Token, marks: list[tuple[int, int]]) -> bool:
    return any(s <= tok.idx < e for s, e in marks)


def _subject_beside(cue: Token, marks: list[tuple[int, int]]) -> Token | None:
    """The speaker when the parse makes a quoted word the cue's subject ('"My
    reaction, that was outrageous," the strategist said'): the nearest noun
    outside the quotation marks just before the cue, else just after it ('said
    the strategist'), within the cue's sentence."""
    sent = cue.sent
    depth = 0  # inside parentheses, read backwards: "Rep. Jane Doe (D-Md.) said"
    for tok in reversed(sent[: cue.i - sent.start]):
        if tok.text == ")":
            depth += 1
            continue
        if tok.text == "(":
            depth = max(depth - 1, 0)
            continue
        if depth:
            continue
        if _quoted(tok, marks) or (tok.is_punct and tok.text != ","):
            break
        if tok.pos_ not in ("NOUN", "PROPN", "PRON") or tok.dep_ in ("poss", "compound"):
            continue
        if tok.dep_ == "appos" and not _quoted(tok.head, marks):
            return tok.head  # "Gene Sperling, a top adviser, said"
        if tok.i == cue.i - 1 or tok.dep_ in ("nsubj", "nsubjpass", "attr", "ROOT"):
            # not the object of a phrase between ("in Iowa, telling")
            return _phrase_owner(tok, marks)
        if tok.pos_ == "PROPN" and tok.dep_ not in ("pobj", "dobj"):
            return tok
    for tok in sent[cue.i - sent.start + 1 :]:
        if _quoted(tok, marks) or (tok.is_punct and tok.text != ","):
            break
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.dep_ not in ("poss", "compound"):
            return tok
    return None


def _phrase_owner(tok: Token, marks: list[tuple[int, int]]) -> Token:
    """The noun a phrase hangs on: "the strategist in Iowa said", "a spokesman for
    Smith said" are the strategist's and the spokesman's words."""
    while (
        tok.dep_ == "pobj"
        and tok.head.dep_ == "prep"
        and tok.head.head.pos_ in ("NOUN", "PROPN", "PRON")
        and not _quoted(tok.head.head, marks)
    ):
        tok = tok.head.head
    return tok


def _antecedent(cue: Token, subject: Token) -> Token | None:
    """Whom "who" names: "Oprah Winfrey and Stevie Wonder, who joked, ..." is
    Stevie Wonder's, the nearest of a coordination before the pronoun (the words
    name the speaker as written, "who"; the entity is the one described)."""
    if subject.lower_ not in _RELATIVE or cue.dep_ != "relcl":
        return None
    named = [cue.head, *cue.head.conjuncts]
    return max((t for t in named if t.i < subject.i), key=lambda t: t.i, default=None)


def _is_cue(tok: Token) -> bool:
    if tok.pos_ != "VERB":
        return False
    if tok.lemma_.lower() == "put":  # "as X put it,"
        words = {(c.lower_, c.dep_) for c in tok.children}
        return ("it", "dobj") in words and ("as", "mark") in words
    return tok.lemma_.lower() in _CUES


def _noun_phrase(tok: Token, last: int | None = None) -> str:
    start, end = _noun_span(tok, last)
    return doc_text(tok.doc)[start:end]


def _clause_like(tok: Token) -> bool:
    """A word tagged as a finite verb, or with a subject of its own: a clause, not a
    title beside a name."""
    return tok.tag_ in ("VBZ", "VBD", "VBP", "MD") or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
    )


def _noun_span(tok: Token, last: int | None = None) -> tuple[int, int]:
    """Where the speaker is named: the head with its determiners dropped and its
    compounds, appositions and "of" phrases kept ("the head of UNRWA"), never past
    the token ``last`` when one is given."""
    left = tok.left_edge.i
    for j in range(tok.i - 1, left - 1, -1):
        if tok.doc[j].is_punct and tok.doc[j].text not in (".", "-", "'", "’"):
            left = j + 1  # never back across a comma or quotation mark into the quote
            break
    while left < tok.i and tok.doc[left].dep_ in ("det", "punct"):
        left += 1
    right = tok.i
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ not in ("of", "for", "from", "at"):
            break  # "X, the head of UNRWA, in a statement": the statement is not the speaker
        if child.dep_ == "appos" and _clause_like(child):
            break  # a clause the parser hung on the name ("X, the move reeks of ...")
        if child.dep_ in ("prep", "compound", "appos"):
            right = child.right_edge.i
    if last is not None:
        right = max(tok.i, min(right, last))
    while right > tok.i and tok.doc[right].dep_ == "cc":
        right -= 1  # "the senator from Iowa and": the conjunction leads to a second party
    right = _close_parenthesis(tok.doc, left, right)
    end = tok.doc[right]
    return tok.doc[left].idx, end.idx + len(end.text)


def _close_parenthesis(doc: Doc, left: int, right: int) -> int:
    """A name's span never leaves a parenthesis open: "Rep. Jane Doe (D-Md.)" takes
    its closing mark; when none comes next, the span ends before the opening."""
    opened = [j for j in range(left, right + 1) if doc[j].text == "("]
    closed = sum(doc[j].text == ")" for j in range(left, right + 1))
    if len(opened) <= closed:
        return right
    if right + 1 < len(doc) and doc[right + 1].text == ")" and len(opened) == closed + 1:
        return right + 1
    return max(opened[closed] - 1, left)


def _cue_for(doc: Doc, start: int, end: int) -> tuple[Token | None, bool]:
    """(cue verb, quote is all of its sentence's content) for a quoted span."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return None, False
    sent_start: Span = sentence_of(first[0])
    sent_end: Span = sentence_of(first[-1])
    outside_after = [t for t in sent_end if t.idx >= end]
    outside_before = [t for t in sent_start if t.idx + len(t.text) <= start]
    # a cue after the quote counts when it follows closely ('"...," he said',
    # '" by Ukraine, Gerasimov said'), not when a later clause has its own
    after_cues = [t for t in outside_after[:16] if _is_cue(t) and not _own_clause(t, end)]
    before_cues = [t for t in outside_before if _is_cue(t)]
    # close means only the cue's own subject stands between ('," Egyptian
    # President Abdel Fattah el-Sisi said'): nothing before it that is not its subject
    close = bool(after_cues) and all(
        t.is_punct
        or t.dep_ in ("nsubj", "compound", "amod", "det", "appos", "prep", "pobj")
        or t.head.i == after_cues[0].i
        for t in outside_after
        if t.i < after_cues[0].i
    )
    if after_cues and (not before_cues or close):
        return after_cues[0], not any(t.is_alpha for t in outside_before)
    # the quote may end its sentence with the cue opening the next ('..."  he said.')
    nxt = sent_end.end
    if nxt < len(doc):
        following = sentence_of(doc[nxt])
        words = [t for t in following if t.is_alpha]
        if words and len(words) <= 6 and any(_is_cue(t) for t in words):
            return next(t for t in words if _is_cue(t)), True
    if before_cues:
        cue = before_cues[-1]
        between = doc_text(doc)[cue.idx + len(cue.text) : start]
        direct = ":" in between or not any(
            t.is_alpha for t in outside_before if t.i > cue.i and t.dep_ != "nsubj"
        )
        return cue, direct
    lead = _lead_cue(doc, start)
    if lead is not None:
        return lead, True
    return None, not any(t.is_alpha for t in outside_before)


def _lead_cue(doc: Doc, start: int) -> Token | None:
    """A cue verb that ends the clause right before the quotation, with only a
    comma, colon or full stop between: 'Bystrom agreed. "..."', 'He went on:
    "..."'. Its clause must be short and its subject its own, so that the verb
    reports the quotation and not something else of the sentence."""
    before = _before_opening(doc, start)
    if before is None or before[0] not in ",:.":
        return None
    verb = before[1]
    if verb.pos_ == "ADV" or verb.lower_ in ("on", "too", "later"):
        verb = doc[verb.i - 1] if verb.i > 0 else verb  # "he went on:", "she added later,"
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ANY_LEAD_CUE:
        return None
    if verb.lemma_.lower() == "go" and doc[verb.i + 1].lower_ != "on":
        return None
    if _speaker_of(verb) is None:
        return None  # "The Times confirmed it, reporting:" speaks for the Times
    clause = [t for t in verb.sent if t.i <= verb.i and t.is_alpha]
    return verb if len(clause) <= 12 else None


def _labelled(doc: Doc, start: int) -> Token | None:
    """A person's name and a colon right before a quotation: 'Pollsters agree -
    Carl Bialik: "..."', a transcript's 'RAMOS: "..."'."""
    before = _before_opening(doc, start)
    if before is None or before[0] != ":":
        return None
    name = before[1]
    return name if _names_person(doc[name.i : name.i + 1]) else None


def _before_opening(doc: Doc, start: int) -> tuple[str, Token] | None:
    """What stands before a quotation opening at ``start``: the punctuation mark
    past the opening marks and spaces, and the token before that mark."""
    text = doc_text(doc)
    at = start - 1
    while at > 0 and (text[at] in "\u201c\"`'\u00ab" or text[at].isspace()):
        at -= 1
    if at <= 0:
        return None
    tokens = doc.char_span(0, at, alignment_mode="contract")
    if tokens is None or len(tokens) == 0:
        return None
    return text[at], tokens[-1]


def _names_person(span: Span) -> bool:
    """A person's name: the model says so, or every word of it belongs to a
    person the article names ("Trump: ..." over a story about Donald Trump)."""
    if any(t.ent_type_ == "PERSON" for t in span):
        return True
    if any(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") for t in span):
        return False
    words = [t.lower_ for t in span if t.is_alpha and t.is_title]
    return (
        bool(words)
        and len(words) == len([t for t in span if t.is_alpha])
        and set(words) <= _person_words(span.doc)
    )


_PERSON_WORDS = "newsevents.person_words"


def _person_words(doc: Doc) -> frozenset[str]:
    """Every word of the people the article names, read once per Doc."""
    if _PERSON_WORDS not in doc.user_data:
        doc.user_data[_PERSON_WORDS] = frozenset(
            w.lower() for e in doc_ents(doc) if e.label_ == "PERSON" for w in e.text.split()
        )
    found: frozenset[str] = doc.user_data[_PERSON_WORDS]
    return found


def _own_clause(cue: Token, end: int) -> bool:
    """The verb after a quote reports a clause of its own, after the quote
    ('"... of you?" The campaign says the ad will air ...'): it is not the quote's
    cue. A clause set off by a comma or a quotation mark is the quote going on
    ('"By locking in China," Mr. Obama said, "it now allowed me ..."'), not this."""
    for c in cue.children:
        if c.dep_ != "ccomp" or c.i < cue.i or c.left_edge.idx < end:
            continue
        between = cue.doc[cue.i + 1 : c.left_edge.i]
        if len(between) <= 4 and not any(t.is_punct or t.is_quote for t in between):
            return True
    return False


def _kind(doc: Doc, start: int, end: int, whole_sentence: bool) -> QuoteKind:
    if whole_sentence:
        return "direct"
    inner = doc_text(doc)[start:end]
    words = inner.split()
    # a full clause standing alone after a colon or a lead's comma is direct speech too
    lead = doc_text(doc)[:start].rstrip("\"\u201c\u00ab`' \n")[-1:]
    if len(words) >= 8 and inner[:1].isupper() and lead in (":", ","):
        return "direct"
    return "partial"


def extract_quotes(article: Article, doc: Doc, analysis: Analysis) -> list[Quote]:
    """Quotes with speakers; needs the entities already extracted."""
    index = ActorIndex(analysis)
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    marks = quoted_spans(doc_text(doc))
    for start, end in marks:
        inner = doc_text(doc)[start:end].rstrip(" ,.")
        if not re.search(r"\w", inner):
            continue
        cue, whole = _cue_for(doc, start, end)
        if cue is None:
            cue = _as_frame(doc, start, end)
        if cue is None and _title(doc_text(doc), start, end):
            continue  # "the ad, titled "Arrogant"", "on "The Apprentice"": a name, not words said
        speaker_tok = _speaker_of(cue) if cue is not None else None
        if cue is None and (label := _labelled(doc, start)) is not None:
            speaker_tok, whole = label, True
        if cue is not None and speaker_tok is None and cue.idx >= end:
            speaker_tok = _subject_beside(cue, marks)  # '," added a Nevada Democrat'
        if cue is not None and speaker_tok is not None and _quoted(speaker_tok, marks):
            speaker_tok = _subject_beside(cue, marks)  # the parser took a quoted word
        named = (
            _antecedent(cue, speaker_tok) if cue is not None and speaker_tok is not None else None
        )
        speaker = _who(named or speaker_tok, index) if speaker_tok is not None else None
        speaker_span = _noun_span(speaker_tok) if speaker_tok is not None else None
        if (signed := _signature(doc, end)) is not None:
            # a name signing the quotation outweighs any verb nearby
            speaker_span, speaker = signed[0], index.entity(signed[1])
            whole, cue = True, None
        covered.append((start, end))
        quotes.append(
            Quote(
                id="",
                speaker=speaker.id if speaker else None,
                speaker_text=doc_text(doc)[slice(*speaker_span)] if speaker_span else None,
                speaker_span=speaker_span,
                text=doc_text(doc)[start : start + len(inner)],
                span=(start, start + len(inner)),
                kind=_kind(doc, start, end, whole),
                cue=cue.text if cue is not None else None,
                cue_span=(cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
            )
        )
    _continue_speakers(doc, quotes)
    quotes += _turns(doc, index, quotes)
    quotes += _indirect(doc, index, quotes)
    quotes += _unheld(doc, [q.span for q in quotes])
    quotes.sort(key=lambda q: q.span)
    _continue_speakers(doc, quotes)  # a quotation after "he promised that ...": his
    _first_person_in_quotes(quotes)
    quotes = [q for q in quotes if not _scare_quote(q)]
    for i, q in enumerate(quotes, start=1):
        q.id = f"Q{i}"
    return quotes


#: A speaker's label opening a paragraph of a transcript: "TAPPER: And obviously
#: ...", "Mary Fallin: I think ...". Labels that are not people are left alone.
_TURN = re.compile(r"([A-Z][A-Za-z.'\u2019-]+(?: [A-Z][A-Za-z.'\u2019-]+){0,3}):[ \t]+(?=\S)")
_NOT_SPEAKERS = frozenset(
    [
        "update",
        "note",
        "editor",
        "correction",
        "abstract",
        "photo",
        "video",
        "watch",
        "read",
        "related",
        "advertisement",
        "source",
        "sources",
        "caption",
        "credit",
        "warning",
        "breaking",
        "summary",
        "transcript",
        "q",
        "a",
        "question",
        "answer",
        "top",
        "stories",
        "what's",
        "brewing",
    ]
)


def _turns(doc: Doc, index: ActorIndex, marked: list[Quote]) -> list[Quote]:
    """Each paragraph of a transcript that opens with a speaker's label is that
    speaker's words: a person's name the model knows, or a name in capitals (the
    broadcast convention) that labels several paragraphs or is the surname of
    a person named in the article, so that "BYLINE:" or "BUSTED:" are not
    speakers. A paragraph already holding a quotation is left to it."""
    text = doc_text(doc)
    found: list[tuple[re.Match[str], int, Span]] = []
    for start, end in _paragraphs(text):
        m = _TURN.match(text, start)
        if m is None or m.end() >= end:
            continue
        label = m.group(1)
        if label.lower() in _NOT_SPEAKERS or any(start <= q.span[0] < end for q in marked):
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in span):
            found.append((m, end, span))
    labels = [m.group(1) for m, _, _ in found]
    people = _person_words(doc)
    turns = []
    for m, end, span in found:
        label = m.group(1)
        if label.isupper() and len(label) > 2 and " " not in label:
            if load_gazetteer().is_dateline_place(label.title()) or (
                labels.count(label) < 2 and label.lower() not in people
            ):
                continue  # a dateline written "KYIV:", a lone "BYLINE:"
        elif not _names_person(span):
            continue
        content_end = len(text[:end].rstrip(' \n"\u201d'))
        if content_end <= m.end():
            continue
        speaker = index.entity(span.root)
        turns.append(
            Quote(
                id="",
                speaker=speaker.id if speaker else None,
                speaker_text=label,
                speaker_span=(m.start(1), m.end(1)),
                text=text[m.end() : content_end],
                span=(m.end(), content_end),
                kind="direct",
                cue=None,
                cue_span=None,
            )
        )
    return turns


def _first_person_in_quotes(quotes: list[Quote]) -> None:
    """ "I think" inside someone's quotation is that someone: an attribution whose
    source is the first person and whose cue lies within a quotation with a
    speaker takes that speaker ('"I think we will win," Trump said')."""
    spoken = [q for q in quotes if q.kind in ("direct", "partial") and q.speaker_text]
    for q in quotes:
        if (q.speaker_text or "").lower() not in ("i", "me") or q.cue_span is None:
            continue
        cue_at = q.cue_span[0]
        outer = next((m for m in spoken if m.span[0] <= cue_at < m.span[1] and m is not q), None)
        if outer is not None and (outer.speaker_text or "").lower() not in ("i", "me"):
            q.speaker, q.speaker_text = outer.speaker, outer.speaker_text
            q.speaker_span = outer.speaker_span


def _scare_quote(q: Quote) -> bool:
    """A few words in quotation marks that nobody is said to have said and no
    cue reports: a nickname, a title, a term held at a distance ("a "launch
    team"", "George "Jay" Keyworth"). Not an attribution; listing it as one
    with no speaker only buries the real ones."""
    return (
        q.cue is None
        and q.speaker_text is None
        and len(q.text.split()) <= 5
        and not re.search(r"[.!?]$", q.text)
    )


#: A name signing a quotation at the end of its line: '"..." ― Jane Doe', the
#: convention of vox pops, epigraphs and quoted posts.
_SIGNED = re.compile(
    r"(?:[\u201d\"]|'')?[^\S\n]*(?:\u2015|\u2014|\u2013|--)[^\S\n]*"
    r"([A-Z][\w'\u2019.-]*(?:[^\S\n]+(?:[A-Z][\w'\u2019.-]*|de|da|van|von|del|la)){0,5})"
    r"[^\S\n]*[.,]?[^\S\n]*(?:\n|$)"
)


def _signature(doc: Doc, end: int) -> tuple[tuple[int, int], Token] | None:
    """Where the name that signs a quotation ending at ``end`` is, and a token of it."""
    text = doc_text(doc)
    m = _SIGNED.match(text, end)
    if m is None:
        return None
    name = m.group(1).rstrip(".")
    span = doc.char_span(m.start(1), m.start(1) + len(name), alignment_mode="expand")
    if span is None or not any(t.pos_ == "PROPN" for t in span):
        return None
    at = m.start(1)
    return (at, at + len(name)), next((t for t in span if t.ent_type_), span[-1])


def _continue_speakers(doc: Doc, quotes: list[Quote]) -> None:
    """A quote with no cue of its own beside another speaker's quote is that
    speaker's ('"The talks were frank," X told reporters. "But we are far apart."'),
    and so is each paragraph of a quote that runs over paragraphs, whether the
    attribution comes in its first paragraph or its last."""

    def adjacent(a: Quote, b: Quote) -> bool:
        between = doc_text(doc)[a.span[1] : b.span[0]]
        if not between.strip(" .,\n\"'`\u201c\u201d"):
            return True  # a quote running on into the next paragraph
        if "\n\n" not in between:
            return len(between) <= 160
        # a paragraph that is only a quotation, right after the paragraph that
        # named its speaker ('..." Collins told MSNBC.\n\n"So the best way ...')
        before, _, opening = between.rpartition("\n")
        return (
            not opening.strip(" \"'`\u201c\u00ab")
            and before.count("\n\n") <= 1
            and len(before.strip()) <= 200
            and not re.search("[\"\u201c\u201d]|''|``", before.lstrip(" ,.;:!?\n\"'\u201d"))
        )

    for prev, q in itertools.pairwise(quotes):
        if q.cue is None and q.speaker_text is None and prev.cue is not None and adjacent(prev, q):
            q.speaker, q.speaker_text = prev.speaker, prev.speaker_text
            q.speaker_span = prev.speaker_span
            q.cue, q.cue_span = prev.cue, prev.cue_span
    for q, nxt in reversed(list(itertools.pairwise(quotes))):
        if q.cue is None and nxt.speaker_text is not None and adjacent(q, nxt):
            between = doc_text(doc)[q.span[1] : nxt.span[0]]
            if not between.strip(" .,\n\"'`\u201c\u201d"):  # only across a paragraph run-on
                q.speaker, q.speaker_text = nxt.speaker, nxt.speaker_text
                q.speaker_span = nxt.speaker_span
                q.cue, q.cue_span = nxt.cue, nxt.cue_span


def _clause_span(doc: Doc, clause: Token) -> tuple[int, int] | None:
    """The clause's words, without a leading "that", trailing punctuation, or a
    later clause that has a speech verb of its own ("..., while X said ...")."""
    left = clause.left_edge
    if left.lower_ == "that":
        left = doc[left.i + 1]
    right = clause.right_edge
    for child in clause.rights:
        if child.dep_ in ("advcl", "conj", "parataxis", "cc") and any(
            _is_cue(t) for t in child.subtree
        ):
            right = doc[max(left.i, child.left_edge.i - 1)]
            break
    while right.i > left.i and (right.is_punct or right.dep_ in ("cc", "mark")):
        right = doc[right.i - 1]
    if right.i <= left.i:
        return None
    return left.idx, right.idx + len(right.text)


_KIND_OF_CLASS: dict[str, QuoteKind] = {
    "say": "indirect",
    "evidence": "indirect",
    "belief": "belief",
    "intention": "intention",
    "denial": "denial",
}
# the strongest reading of a verb listed in several classes ("deny" is speech and denial)
_CLASS_ORDER = ("denial", "intention", "belief", "evidence", "say")
_RELATIVE = frozenset(["who", "which", "that", "whom"])
#: Cues whose content may be an indirect question the parser hangs as an adverbial
_QUESTION_CUES = frozenset(["ask", "wonder", "inquire", "query", "question"])
_PRONOUN_OBJECTS = frozenset(["him", "her", "them", "us", "me", "you", "it", "himself", "herself"])


@lru_cache(maxsize=1)
def attribution_cues() -> dict[str, tuple[str, bool]]:
    """lemma -> (class, whether a direct object can be the content)."""
    classes: dict[str, set[str]] = {}
    objects: set[str] = set()
    for lemma, cls, obj in read_table("attribution_cues.tsv"):
        classes.setdefault(lemma, set()).add(cls)
        if obj == "y":
            objects.add(lemma)
    return {
        lemma: (next(c for c in _CLASS_ORDER if c in found), lemma in objects)
        for lemma, found in classes.items()
    }


def _source_of(cue: Token) -> Token | None:
    """Who the cue's attribution belongs to: its subject; for a relative clause
    ("officials who said"), the noun it describes; never a clause subject that
    is a relative pronoun left unresolved."""
    subj = _speaker_of(cue)
    if subj is not None and (
        subj.dep_ in ("nsubjpass", "expl") or any(c.dep_ == "auxpass" for c in cue.children)
    ):
        return None  # "it is believed that": a belief, but nobody's
    if subj is not None and subj.lower_ in _RELATIVE:
        return cue.head if cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN") else None
    if subj is not None and subj.lower_ == "it" and cue.dep_ == "xcomp" and cue.head.pos_ != "VERB":
        return None  # "it is hard to know where ...": an infinitive after "it is", nobody's
    return subj


def _phrase_span(doc: Doc, first: Token, last: Token) -> tuple[int, int] | None:
    while last.i > first.i and (last.is_punct or last.dep_ in ("cc", "mark")):
        last = doc[last.i - 1]
    while first.i < last.i and (first.is_punct or first.lower_ == "that"):
        first = doc[first.i + 1]
    if last.i < first.i:
        return None
    return first.idx, last.idx + len(last.text)


def _content_of(doc: Doc, cue: Token, takes_object: bool) -> tuple[int, int] | None:
    """The content a cue reports: its clausal complement ("said that ..."), its
    infinitive ("wants to ...", "urged them to ..."), or, for the cues that take
    one, its object with its predicate ("criticized the plan", "called him a
    liar", "described it as ...", "called for a recount")."""
    for dep in ("ccomp", "xcomp"):
        clause = next((c for c in cue.children if c.dep_ == dep), None)
        if clause is not None and clause.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            if (
                dep == "ccomp"
                and clause.tag_ in ("VB", "VBG")
                and cue.lemma_.lower() in ("see", "hear", "watch", "notice")
            ):
                return None  # "to see the senator speak": perception, not a belief
            if dep == "ccomp":
                return _clause_span(doc, clause)
            return _phrase_span(doc, clause.left_edge, clause.right_edge)
    if cue.lemma_.lower() in _QUESTION_CUES:  # "asked workers if they planned to attend"
        asked = next(
            (
                c
                for c in cue.children
                if c.dep_ == "advcl" and any(m.lower_ in ("if", "whether") for m in c.children)
            ),
            None,
        )
        if asked is not None:
            return _clause_span(doc, asked)
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if not takes_object:
        # "said his focus groups and other research show that ...": the parser took
        # the clause's subject for an object; a finite verb inside it says so
        if obj is not None and any(
            t.tag_ in ("VBZ", "VBP", "VBD", "MD") and t.i > obj.i for t in obj.subtree
        ):
            return _phrase_span(doc, obj.left_edge, obj.right_edge)
        return None
    extra = [
        c
        for c in cue.children
        if c.dep_ in ("oprd",) or (c.dep_ == "prep" and c.lower_ in ("as", "for", "over"))
    ]  # "described it as ...", "criticized Smith for ...", "blasted him over ..."
    if cue.lemma_.lower() == "show":  # "shows her with a lead", "in a dead heat", "ahead"
        extra += [c for c in cue.children if c.i > cue.i and c.dep_ in ("prep", "advmod", "xcomp")]
    if obj is None and cue.lemma_.lower() in ("call", "push", "ask", "press", "refer"):
        word = "to" if cue.lemma_.lower() == "refer" else "for"
        prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == word), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if obj is not None and word == "to":  # '," Clinton said, referring to Trump'
            return _phrase_span(doc, obj.left_edge, obj.right_edge)
    if obj is None or (obj.lower_ in _PRONOUN_OBJECTS and not extra):
        return None
    if cue.lemma_.lower() in ("see", "view", "regard") and not any(c.lower_ == "as" for c in extra):
        return None  # "went to see Ayotte speak": seeing, unless seeing X as Y
    if obj.ent_type_ == "PERSON" and not extra:
        return None  # "praised Smith": who, not what
    first = obj.left_edge
    last = max([obj.right_edge, *(c.right_edge for c in extra)], key=lambda t: t.i)
    return _phrase_span(doc, first, last)


def _around(doc: Doc, cue: Token, source: Token) -> tuple[int, int] | None:
    """The content around a reporting clause set off by commas: "The museum, the
    president said, would make visitors face hard truths", "Turnout will be low,
    experts say." The clause is the cue with its subject, auxiliaries and
    adverbs; the content is the rest of its sentence, which must be a clause."""
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in cue.children):
        return None
    parts = [cue, *source.subtree]
    parts += [c for c in cue.children if c.dep_ in ("aux", "neg", "advmod") and c.i < cue.i]
    first, last = min(t.i for t in parts), max(t.i for t in parts)
    if last - first > 12:
        return None
    sent = cue.sent
    before = doc[first - 1] if first > sent.start else None
    after = doc[last + 1] if last + 1 < sent.end else None
    if before is None or before.text != ",":
        return None  # not set off: "He said nothing", "experts say" opening a sentence
    if after is not None and not (after.text == "," or (after.is_punct and last + 2 >= sent.end)):
        return None
    rest = [t for t in sent if (t.i < first - 1 or t.i > last + 1) and not t.is_punct]
    if len(rest) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    ending = after is None or after.text != ","
    end_tok = doc[first - 2] if ending else max(rest, key=lambda t: t.i)
    return _phrase_span(doc, sent[0], end_tok)


@lru_cache(maxsize=1)
def attribution_nouns() -> dict[str, str]:
    """lemma -> class, for nouns that report ("the claim that ...")."""
    return {row[0]: row[1] for row in read_table("attribution_nouns.tsv")}


#: Prepositions that name whose a reporting noun is: "the claim by X", "fears among X".
_HOLDER_PREPS = frozenset(["by", "from", "of", "among"])
#: Nouns that frame a whole sentence as someone's: "in X's view, ...".
_FRAMES = frozenset(["view", "opinion", "words", "estimation", "judgment", "judgement"])


def _holder(noun: Token) -> Token | None:
    """Whose claim, fear or view: the possessor, else a by/from/of/among phrase."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _HOLDER_PREPS:
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
                return obj
    return None


def _noun_cue(
    doc: Doc, tok: Token, cls: str
) -> tuple[Token, Token, tuple[int, int], QuoteKind] | None:
    """A reporting noun with a that-clause and a holder ("the senator's claim that
    the vote was rigged"), or "in X's view, ..." framing its sentence."""
    holder = _holder(tok)
    if holder is None:
        return None
    clause = next(
        (
            c
            for c in tok.children
            if c.dep_ in ("acl", "ccomp")
            and c.pos_ in ("VERB", "AUX")
            and any(m.lower_ == "that" for m in c.children if m.dep_ in ("mark", "dobj"))
        ),
        None,
    )
    span: tuple[int, int] | None = None
    if clause is not None:
        span = _clause_span(doc, clause)
    elif tok.lemma_.lower() in _FRAMES and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        rest = [t for t in tok.sent if t.i > tok.i and not t.is_punct]
        if len(rest) >= 4 and tok.head.head.pos_ in ("VERB", "AUX"):
            span = _phrase_span(doc, rest[0], rest[-1])
    return None if span is None else (tok, holder, span, _KIND_OF_CLASS[cls])


def _according_to(doc: Doc) -> list[tuple[Token, Token, tuple[int, int], int]]:
    """(cue, source, content span, the source's last token) of "according to X":
    the rest of the sentence."""
    found = []
    for tok in doc_tokens(doc):
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if source is None:
            continue
        sent = sentence_of(tok)
        phrase_first, phrase_last = tok.i, source.right_edge.i
        if phrase_first - sent.start <= 1:
            # the source ends at its comma, whatever the parser hung on it ("According
            # to X, the move reeks of ..." parsed with "reeks" as X's apposition)
            comma = next((t.i for t in doc[source.i : phrase_last + 1] if t.text == ","), None)
            if comma is not None and comma + 3 < sent.end:
                phrase_last = comma - 1
        if phrase_first - sent.start <= 1:  # "According to X, ..."
            span = _phrase_span(doc, doc[phrase_last + 1], doc[sent.end - 1])
        else:  # "..., according to X."
            span = _phrase_span(doc, doc[sent.start], doc[phrase_first - 1])
        if span is not None:
            found.append((tok, source, span, phrase_last))
    return found


#: Where a finding stands: "leading in the polls", "in a new Post-ABC survey".
_FINDINGS = frozenset(["poll", "survey", "study", "analysis", "census", "tally", "count"])


def _in_poll(doc: Doc, prep: Token) -> tuple[Token, Token, tuple[int, int], QuoteKind] | None:
    """A clause that holds "in (a) poll" reports what the poll found: "Clinton led
    Trump in the latest Post poll" is the poll's finding, the poll its source."""
    if prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    finding = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if finding is None or finding.lemma_.lower() not in _FINDINGS:
        return None
    verb = prep.head  # "a big lead in the polls": the clause that holds the lead
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    inside = {t.i for t in prep.subtree}
    words = [t for t in verb.subtree if t.i not in inside and not t.is_punct]
    if len(words) < 3:
        return None
    span = _phrase_span(doc, words[0], words[-1])
    return (prep, finding, span, "indirect") if span is not None else None


#: Hedges that hold a view without saying whose: "X appears to be ...", "seems
#: unlikely", "is expected to win".
_HEDGES = frozenset(["appear", "seem", "expect"])


def _unheld(doc: Doc, taken: list[tuple[int, int]]) -> list[Quote]:
    """Views nobody is said to hold ("Trump is expected to win", "the race appears
    closer in Ohio"): a belief with no speaker, recorded as such rather than
    given to a made-up source or left out. The content is the subject with its
    predicate; clauses already inside another attribution are left to it."""
    found = []
    for tok in doc_tokens(doc):
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in _HEDGES:
            continue
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        if lemma == "expect" and not passive:
            continue  # "analysts expect ...": a holder, handled as a cue
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        complement = next((c for c in tok.children if c.dep_ in ("xcomp", "acomp", "oprd")), None)
        if subject is None or complement is None or subject.lower_ in _RELATIVE:
            continue
        if subject.lower_ in ("it", "there") and complement.dep_ != "xcomp":
            continue
        span = _phrase_span(doc, subject.left_edge, complement.right_edge)
        if span is None or any(a <= span[0] < b or a < span[1] <= b for a, b in taken):
            continue
        found.append(
            Quote(
                id="",
                text=doc_text(doc)[span[0] : span[1]],
                span=span,
                kind="belief",
                cue=tok.text,
                cue_span=(tok.idx, tok.idx + len(tok.text)),
            )
        )
    return found


def _indirect(doc: Doc, index: ActorIndex, marked: list[Quote]) -> list[Quote]:
    """Attributions without quotation marks: a cue of speech, belief, intention,
    denial or evidence with its source and content on the parse ("The Kremlin
    has said that ...", "Democrats want to ...", "the poll found that ...",
    "according to officials, ..."). No source, no attribution: a wrong or
    missing speaker is worse than a missed paraphrase."""
    cues, nouns = attribution_cues(), attribution_nouns()
    candidates: list[tuple[Token, Token, tuple[int, int], QuoteKind]] = []
    for tok in doc_tokens(doc):
        check_budget()
        noun_class = nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
        if noun_class is not None:
            if (by_noun := _noun_cue(doc, tok, noun_class)) is not None:
                candidates.append(by_noun)
            continue
        if (by_poll := _in_poll(doc, tok)) is not None:
            candidates.append(by_poll)
            continue
        entry = cues.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if entry is None:
            continue
        source = _source_of(tok)
        if source is None:
            continue
        span = _content_of(doc, tok, entry[1])
        if span is None and entry[0] in ("say", "belief"):
            span = _around(doc, tok, source)
        if span is not None:
            candidates.append((tok, source, span, _KIND_OF_CLASS[entry[0]]))
    caps: dict[int, int] = {}  # source -> where its phrase ends, when the parse runs on
    for cue, source, span, last in _according_to(doc):
        candidates.append((cue, source, span, "indirect"))
        caps[source.i] = last
    found: list[Quote] = []
    spans = [c[2] for c in candidates]
    for cue, source, (start, end), kind in candidates:
        inside = [q for q in marked if q.span[0] < end and start < q.span[1]]
        if inside:
            # words quoted inside a reported clause are its source's ('X called
            # the law a "crazy system"'): a quote with no speaker takes this one
            for q in inside:
                # inside the content, or a quotation that opens it and runs on past
                # the sentence ("According to X, "... . ..."")
                within = q.span[1] <= end + 1 or q.span[0] - start <= 2
                if q.speaker_text is None and start <= q.span[0] and within:
                    speaker = _who(source, index)
                    q.speaker = speaker.id if speaker else None
                    q.speaker_text = _noun_phrase(source, caps.get(source.i))
                    q.speaker_span = _noun_span(source, caps.get(source.i))
                    q.cue = cue.text if cue.lower_ != "according" else "according to"
                    q.cue_span = (cue.idx, cue.idx + len(cue.text))
            quoted = sum(min(end, q.span[1]) - max(start, q.span[0]) for q in inside)
            outside = doc_text(doc)[start:end]
            if len(outside.split()) - len(" ".join(q.text for q in inside).split()) < 5 or (
                quoted > 0.5 * (end - start)
            ):
                continue  # the quotation is the content: already given
        if end - start < 4:
            continue
        # an attribution inside another's content is the outer one's ("X said Y wants ...")
        if any(
            a <= start and end <= b and (a, b) != (start, end) and a <= cue.idx < b
            for a, b in spans
        ):
            continue
        speaker = _who(source, index)
        found.append(
            Quote(
                id="",
                speaker=speaker.id if speaker else None,
                speaker_text=_noun_phrase(source, caps.get(source.i)),
                speaker_span=_noun_span(source, caps.get(source.i)),
                text=doc_text(doc)[start:end],
                span=(start, end),
                kind=kind,
                cue=cue.text if cue.lower_ != "according" else "according to",
                cue_span=(cue.idx, cue.idx + len(cue.text)),
            )
        )
    return found
