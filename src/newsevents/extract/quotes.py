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

from spacy.tokens import Doc, Span, Token

from ..budget import check as check_budget
from ..model import Analysis, Article, Entity, Quote, QuoteKind
from .events.arguments import ActorIndex, actors_of
from .events.words import SPEECH_VERBS
from .text import doc_text, sentence_of

_OPEN = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
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
}
_INDIRECT_CUES = SPEECH_VERBS - {"believe", "think"} | {
    "admit",
    "deny",
    "acknowledge",
    "reiterate",
    "indicate",
    "conclude",
    "predict",
    "estimate",
}


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
        if pending is not None and text[p_start : p_start + 1] in _OPEN:
            found.append(pending)  # confirmed: the next paragraph reopens it
        pending = None  # else it never closed: malformed, dropped
        i = p_start
        opened: tuple[int, str] | None = None
        while i < p_end:
            ch = text[i]
            if opened is None and ch in _OPEN and _opens(text, i):
                opened = (i, _OPEN[ch])
            elif opened is not None and ch == opened[1] and (ch != '"' or _closes(text, i)):
                if i - opened[0] <= _MAX_QUOTE:
                    found.append(_Marked(opened[0] + 1, i))
                opened = None
            i += 1
        if opened is not None:
            end = len(text[:p_end].rstrip())
            if end - opened[0] <= _MAX_QUOTE:
                pending = _Marked(opened[0] + 1, end)
    return [(m.start, m.end) for m in found if m.end > m.start]


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isspace() and (before.isspace() or before in "([{—–-:,;" or i == 0)


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return not before.isspace()


def _who(tok: Token, index: ActorIndex) -> Entity | None:
    """The entity a speaker phrase names: the head, its apposition ("Pakistan's
    foreign minister, Ishaq Dar"), a described person, else a name inside it."""
    ids = actors_of([tok], index)
    if ids:
        return index.by_id.get(ids[0])
    return next((index.entity(t) for t in tok.subtree if index.entity(t)), None)


def _speaker_of(cue: Token) -> Token | None:
    for c in cue.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if cue.dep_ in ("conj", "advcl", "xcomp") and cue.head.i != cue.i:
        return _speaker_of(cue.head)  # "..., adding that": the subject of the first verb
    return None


def _is_cue(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _CUES


def _noun_phrase(tok: Token) -> str:
    left = tok.left_edge.i
    while left < tok.i and tok.doc[left].dep_ in ("det", "punct"):
        left += 1
    right = tok.i
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ not in ("of", "for", "from", "at"):
            break  # "X, the head of UNRWA, in a statement": the statement is not the speaker
        if child.dep_ in ("prep", "compound", "appos"):
            right = child.right_edge.i
    return tok.doc[left : right + 1].text


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
    after_cues = [t for t in outside_after[:16] if _is_cue(t)]
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
    return None, not any(t.is_alpha for t in outside_before)


def _kind(doc: Doc, start: int, end: int, whole_sentence: bool) -> QuoteKind:
    if whole_sentence:
        return "direct"
    inner = doc_text(doc)[start:end]
    words = inner.split()
    # a full clause standing alone after a colon is direct speech too
    if len(words) >= 8 and inner[:1].isupper() and doc_text(doc)[:start].rstrip()[-2:-1] == ":":
        return "direct"
    return "partial"


def extract_quotes(article: Article, doc: Doc, analysis: Analysis) -> list[Quote]:
    """Quotes with speakers; needs the entities already extracted."""
    index = ActorIndex(analysis)
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    for start, end in quoted_spans(doc_text(doc)):
        inner = doc_text(doc)[start:end].rstrip(" ,.")
        if not re.search(r"\w", inner):
            continue
        cue, whole = _cue_for(doc, start, end)
        speaker_tok = _speaker_of(cue) if cue is not None else None
        speaker = _who(speaker_tok, index) if speaker_tok is not None else None
        covered.append((start, end))
        quotes.append(
            Quote(
                id="",
                speaker=speaker.id if speaker else None,
                speaker_text=_noun_phrase(speaker_tok) if speaker_tok is not None else None,
                text=doc_text(doc)[start : start + len(inner)],
                span=(start, start + len(inner)),
                kind=_kind(doc, start, end, whole),
                cue=cue.text if cue is not None else None,
                cue_span=(cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
            )
        )
    _continue_speakers(doc, quotes)
    quotes += _indirect(doc, index, covered)
    quotes.sort(key=lambda q: q.span)
    for i, q in enumerate(quotes, start=1):
        q.id = f"Q{i}"
    return quotes


def _continue_speakers(doc: Doc, quotes: list[Quote]) -> None:
    """A quote with no cue of its own beside another speaker's quote is that
    speaker's ('"The talks were frank," X told reporters. "But we are far apart."'),
    and so is each paragraph of a quote that runs over paragraphs, whether the
    attribution comes in its first paragraph or its last."""

    def adjacent(a: Quote, b: Quote) -> bool:
        between = doc_text(doc)[a.span[1] : b.span[0]]
        if not between.strip(' .,\n"\u201c\u201d'):
            return True  # a quote running on into the next paragraph
        return "\n\n" not in between and len(between) <= 160

    for prev, q in itertools.pairwise(quotes):
        if q.cue is None and prev.speaker_text is not None and adjacent(prev, q):
            q.speaker, q.speaker_text = prev.speaker, prev.speaker_text
            q.cue, q.cue_span = prev.cue, prev.cue_span
    for q, nxt in reversed(list(itertools.pairwise(quotes))):
        if q.cue is None and nxt.speaker_text is not None and adjacent(q, nxt):
            between = doc_text(doc)[q.span[1] : nxt.span[0]]
            if not between.strip(' .,\n"\u201c\u201d'):  # only across a paragraph run-on
                q.speaker, q.speaker_text = nxt.speaker, nxt.speaker_text
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


def _indirect(doc: Doc, index: ActorIndex, covered: list[tuple[int, int]]) -> list[Quote]:
    """'The Kremlin has said that Putin is studying the proposal': speech verb + that-clause."""
    found: list[Quote] = []
    for tok in doc:
        check_budget()
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _INDIRECT_CUES:
            continue
        # "X said that ...", and the reporting clause after the report: "..., officials said"
        clauses = [c for c in tok.children if c.dep_ == "ccomp"]
        subj = _speaker_of(tok)
        if not clauses or subj is None:
            continue
        span = _clause_span(doc, clauses[0])
        if span is None:
            continue
        start, end = span
        if any(a < end and start < b for a, b in covered) or end - start < 10:
            continue  # already quoted directly
        speaker = _who(subj, index)
        found.append(
            Quote(
                id="",
                speaker=speaker.id if speaker else None,
                speaker_text=_noun_phrase(subj),
                text=doc_text(doc)[start:end],
                span=(start, end),
                kind="indirect",
                cue=tok.text,
                cue_span=(tok.idx, tok.idx + len(tok.text)),
            )
        )
    return found
