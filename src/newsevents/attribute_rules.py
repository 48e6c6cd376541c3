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

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(pattern number, start, end) of every match, in the ruler's order."""
        rows: list[_Row] = [tuple(r) for r in doc.to_array(list(_COLUMNS)).tolist()]
        by_lower, by_tag, by_dep = self.index
        found: list[tuple[int, int, int]] = []
        n = len(rows)
        for i, row in enumerate(rows):
            for at in (
                *by_lower.get(row[0], ()),
                *by_tag.get(row[1], ()),
                *by_dep.get(row[2], ()),
                *self.anywhere,
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
    return True
