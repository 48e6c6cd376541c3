"""The model's attribute ruler, matched by table lookups.

en_core_web_sm's ``attribute_ruler`` (179 patterns: a tag's part of speech
and morphology, "n't" as a negative particle, "ai" + "n't" as "be") ran its
patterns through spaCy's Matcher at about 17 microseconds a token, a tenth of
the whole parse. Every pattern is one or two tokens with exact values,
``IN``/``NOT_IN`` lists or an anchored ``REGEX`` on LOWER, TAG, DEP or
IS_SPACE, so each token can be checked against only the patterns its lower
form, tag or dependency can start. The matches are handed to the ruler's own
``set_annotations`` in the ruler's order (pattern number, then position), so
the tokens come out exactly as the Matcher leaves them; a pattern of any
other form keeps the Matcher. ``tests/test_nlp.py`` compares the two token by
token.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc

#: The token attributes patterns test, as columns of ``Doc.to_array``.
_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_AT = {name: i for i, name in enumerate(_COLUMNS)}

_Row = tuple[int, ...]
_Check = Callable[[_Row], bool]


def _check(key: str, value: Any, strings: StringStore) -> _Check | None:
    """A test of one token attribute on its row of hashes, or None for a form
    this module does not know."""
    at = _AT.get(key)
    if at is None:
        return None
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            return None
        flag = int(value)
        return lambda row: row[at] == flag
    if isinstance(value, str):
        wanted = strings.add(value)
        return lambda row: row[at] == wanted
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), *_ = value.items()
    if op == "IN":
        allowed = frozenset(strings.add(v) for v in arg)
        return lambda row: row[at] in allowed
    if op == "NOT_IN":
        barred = frozenset(strings.add(v) for v in arg)
        return lambda row: row[at] not in barred
    if op == "REGEX":
        regex = re.compile(arg)
        return lambda row: bool(regex.search(strings[row[at]]))
    return None


class TableRuler:
    """``match`` for an AttributeRuler, from its patterns."""

    def __init__(self, patterns: list[tuple[int, list[dict[str, Any]]]], strings: StringStore):
        #: (pattern number, the checks of each of its tokens)
        self.patterns: list[tuple[int, list[list[_Check]]]] = []
        #: which patterns a token can start, by a column's hash on the first token
        self.index: list[dict[int, list[int]]] = [{}, {}, {}]
        self.anywhere: list[int] = []
        for number, tokens in patterns:
            checks = []
            for spec in tokens:
                token_checks = [_check(k, v, strings) for k, v in spec.items()]
                if any(c is None for c in token_checks):
                    raise ValueError(f"pattern {number}: {spec} is not a table pattern")
                checks.append([c for c in token_checks if c is not None])
            at = len(self.patterns)
            self.patterns.append((number, checks))
            for column, key in enumerate(("LOWER", "TAG", "DEP")):
                if isinstance(tokens[0].get(key), str):
                    self.index[column].setdefault(strings.add(tokens[0][key]), []).append(at)
                    break
            else:
                self.anywhere.append(at)
        #: the same index for the patterns of two tokens or more
        self.longer: list[dict[int, list[int]]] = [
            {
                k: longer
                for k, v in column.items()
                if (longer := [at for at in v if len(self.patterns[at][1]) > 1])
            }
            for column in self.index
        ]
        self.longer_anywhere = [at for at in self.anywhere if len(self.patterns[at][1]) > 1]
        self._single: dict[_Row, tuple[int, ...]] = {}

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(pattern number, start, end) of every match, in the ruler's order.

        A one-token pattern matches or not by the token's own row alone, so the
        pattern numbers a row matches are kept, and a word seen again (most are)
        costs one dictionary lookup; only the few two-token patterns are tried at
        each of their candidate tokens."""
        rows: list[_Row] = list(map(tuple, doc.to_array(list(_COLUMNS)).tolist()))
        long0, long1, long2 = self.longer
        long_any = self.longer_anywhere
        found: list[tuple[int, int, int]] = []
        n = len(rows)
        single = self._single
        if len(single) > _MEMO_ROWS:
            single.clear()  # bounded: a long run meets new words for ever
        for i, row in enumerate(rows):
            numbers = single.get(row)
            if numbers is None:
                numbers = single[row] = tuple(
                    self.patterns[at][0]
                    for at in self._candidates(row)
                    if len(self.patterns[at][1]) == 1
                    and all(check(row) for check in self.patterns[at][1][0])
                )
            if numbers:
                found.extend((number, i, i + 1) for number in numbers)
            if not (row[0] in long0 or row[1] in long1 or row[2] in long2 or long_any):
                continue
            for at in (
                *long0.get(row[0], ()),
                *long1.get(row[1], ()),
                *long2.get(row[2], ()),
                *long_any,
            ):
                number, checks = self.patterns[at]
                end = i + len(checks)
                if end <= n and all(
                    check(rows[i + k])
                    for k, token_checks in enumerate(checks)
                    for check in token_checks
                ):
                    found.append((number, i, end))
        found.sort()
        return found

    def _candidates(self, row: _Row) -> tuple[int, ...]:
        by_lower, by_tag, by_dep = self.index
        return (
            *by_lower.get(row[0], ()),
            *by_tag.get(row[1], ()),
            *by_dep.get(row[2], ()),
            *self.anywhere,
        )


#: Rows whose one-token matches are remembered before the memo starts again.
_MEMO_ROWS = 200_000


def use_table_ruler(nlp: Language) -> bool:
    """Give the pipeline's attribute ruler the table matcher; False (and the
    Matcher kept) if it has a pattern of another form."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return False
    keyed: list[tuple[int, list[dict[str, Any]]]] = []
    for number, rule in enumerate(ruler.patterns):  # numbered as the ruler numbers them
        patterns: Any = rule["patterns"]
        keyed.extend((number, pattern) for pattern in patterns)
    strings = nlp.vocab.strings
    try:
        table = TableRuler(keyed, strings)
    except ValueError:
        return False

    keys = [strings.add(str(number)) for number in range(len(ruler.patterns))]  # its match ids

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        return [(number, keys[number], s, e) for number, s, e in table.matches(doc)]

    ruler.match = match  # type: ignore[method-assign]
    _direct_annotations(ruler)
    return True


def _direct_annotations(ruler: AttributeRuler) -> None:
    """The ruler's ``set_annotations`` without a Span made for every match (a
    match sets its attributes on one token of it; the Span only located the
    token): the same tokens get the same attributes in the same order. Kept as
    spaCy's when its token setter is not where spaCy 3 keeps it."""
    try:
        from spacy.tokens._retokenize import set_token_attrs
    except ImportError:  # pragma: no cover - another spaCy layout
        return
    original = ruler.set_annotations

    def set_annotations(doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        at = [s + ruler.indices[a] if ruler.indices[a] >= 0 else e + ruler.indices[a]
              for a, _, s, e in matches]  # fmt: skip
        if any(not s <= i < e for i, (_, _, s, e) in zip(at, matches, strict=True)):
            original(doc, matches)  # type: ignore[no-untyped-call]  # spaCy's own error
            return
        for i, (attr_id, *_) in zip(at, matches, strict=True):
            set_token_attrs(doc[i], ruler.attrs[attr_id])

    ruler.set_annotations = set_annotations  # type: ignore[method-assign]
