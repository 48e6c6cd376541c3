"""The text of a parsed article, built once.

spaCy's ``Doc.text`` is not stored: each access joins every token again, which
made reading a few characters around an entity cost as much as the whole
article. Profiling showed it was most of the extractors' time, so the joined
text is kept in the Doc's ``user_data`` on first use.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_KEY = "newsevents.text"
_SENTS = "newsevents.sents"
_ENTS = "newsevents.ents"
_TOKENS = "newsevents.tokens"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once per Doc: spaCy builds a Span for every entity of
    the article at each access, and the extractors asked 18 times per article
    (a tenth of their time on long articles). The pipeline has set the
    entities before any extractor runs; no extractor changes them."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return tuple(ents)


def doc_tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens, made once per Doc: spaCy makes a new Token object at each
    ``doc[i]`` and at each step of ``for t in doc``, and the extractors walked the
    whole article a dozen times (a quarter of their time on long articles went to
    making Token objects). No extractor changes the tokens."""
    tokens: list[Token] | None = doc.user_data.get(_TOKENS)
    if tokens is None:
        tokens = doc.user_data[_TOKENS] = list(doc)
    return tokens


def span_tokens(span: Span) -> list[Token]:
    """The tokens of a span (a sentence) from the Doc's one list (see ``doc_tokens``)."""
    return doc_tokens(span.doc)[span.start : span.end]


def trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace at either edge.

    A paragraph break is a token of its own and spaCy may put it at the start
    of the next sentence; a sentence span should hold the sentence only.
    """
    text = doc_text(doc)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_of(tok: Token) -> Span:
    """``tok.sent``, from a table built once per Doc.

    spaCy finds a token's sentence by walking to its boundaries, so asking for
    every token of a very long sentence was quadratic in its length.
    """
    doc = tok.doc
    table = doc.user_data.get(_SENTS)
    if table is None:
        sents = list(doc.sents)
        owner = [0] * len(doc)
        for number, sent in enumerate(sents):
            for i in range(sent.start, sent.end):
                owner[i] = number
        table = doc.user_data[_SENTS] = (sents, owner)
    sents, owner = table
    found: Span = sents[owner[tok.i]]
    return found


def of_objects(tok: Token) -> list[Token]:
    """What an "of" phrase on ``tok`` names: "thousands of voters", "a total of 56
    points", "a wave of arrests"."""
    return [
        o
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]


#: Plural nouns that, counted as two or called warring, stand for two parties at
#: once: "the two sides", "both countries", "the warring parties".
_SIDE_NOUNS = frozenset(
    ["side", "party", "faction", "belligerent", "country", "nation", "leader", "government",
     "delegation", "camp", "neighbour", "neighbor", "rival", "foe", "adversary"]
)  # fmt: skip


def both_sides(tok: Token) -> bool:
    """Whether ``tok`` names two parties together ("the two sides", "both
    countries", "the warring parties"): the events extractor gives it the parties
    last named, the entities extractor makes it a party of its own when none are."""
    if tok.lemma_.lower() not in _SIDE_NOUNS or tok.tag_ != "NNS":
        return False
    return any(
        c.lower_ in ("two", "both") or (c.dep_ == "amod" and c.lower_ in ("warring", "opposing"))
        for c in tok.children
    )
