"""The CAMEO verb dictionary of PETRARCH2 (``data/CAMEO.2.0.txt``, MIT), matched
against the dependency parse.

A verb alone says little ("took", "opened", "carried"); what it acts on says
what happened ("took control of", "opened fire on", "carried out air strikes").
The dictionary holds about 4,700 such patterns for 1,500 verbs in synonym
blocks: a post-verb noun phrase (head last, modifiers before it), prepositional
phrases, and a CAMEO code, which ``data/cameo_plover.tsv`` maps to a PLOVER
type and mode. A pattern is matched on the parse, not on the word string: its
noun must head the verb's object (or passive subject, or predicate), its
modifiers must modify that noun, its preposition must hang from the verb or the
object with the pattern's noun as its object. The verb's bare default code is
not used: without an object the verbs are too coarse (see docs/EVAL.md).

Actor slots in the patterns (``$`` source, ``+`` target, ``%`` both, ``^``
skip) are ignored: parties come from the parse as for every other trigger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

from ... import prebuilt
from ...gazetteer import read_table

#: Particles that follow a verb in the dictionary's bare word sequences ("OFF DEAL").
_PARTICLES = frozenset(
    ["off", "up", "down", "out", "in", "back", "away", "over", "on", "into", "apart", "forward"]
)

#: Dependency labels of what a verb acts on.
_OBJECT_DEPS = frozenset(["dobj", "nsubjpass", "attr", "oprd", "dative"])


@dataclass(frozen=True)
class Phrase:
    """A noun phrase of a pattern: the head and the words that must modify it."""

    head: frozenset[str]  # accepted forms of the head (a synonym set gives several)
    modifiers: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True)
class Pattern:
    code: str
    subject: Phrase | None
    objects: tuple[Phrase, ...]
    preps: tuple[tuple[str, Phrase | None], ...]
    particles: tuple[str, ...]
    text: str

    @property
    def weight(self) -> int:
        """More parts matched is a more specific reading."""
        mods = sum(len(p.modifiers) for p in self.objects)
        return 2 * len(self.objects) + 2 * len(self.preps) + len(self.particles) + mods


@cache
def _forms(word: str) -> frozenset[str]:
    """A dictionary word and its regular singular, lower case ("ATTACKS" -> attack)."""
    w = word.lower().strip("_")
    forms = {w}
    if w.endswith("ies") and len(w) > 4:
        forms.add(w[:-3] + "y")
    elif w.endswith("sses"):
        forms.add(w[:-2])
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        forms.add(w[:-1])
    return frozenset(forms)


@cache
def _plural_forms(word: str) -> frozenset[str]:
    """The forms a synonym-set entry stands for: itself and its regular plural."""
    w = word.lower()
    if w.endswith("_"):
        return frozenset([w.strip("_")])
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        return frozenset([w, w[:-1] + "ies"])
    return frozenset([w, w + ("es" if w.endswith("ss") else "s")])


_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


def _phrase(words: list[str], synsets: dict[str, list[list[str]]]) -> list[Phrase]:
    """The readings of a phrase: one, or one per entry of a synonym set in it."""
    if not words:
        return []
    readings: list[list[str]] = [[]]
    for w in words:
        if w.startswith("&"):
            entries = synsets.get(w.upper())
            if entries is None:
                return []  # an undefined set: the pattern is ignored, as PETRARCH does
            readings = [r + e for r in readings for e in entries]
        else:
            readings = [r + [p for p in w.split("_") if p] for r in readings]
    # readings that differ only in their head are one phrase with several heads
    heads: dict[tuple[frozenset[str], ...], set[str]] = {}
    for r in readings:
        if r:
            mods = tuple(_forms(m) for m in r[:-1])
            heads.setdefault(mods, set()).update(_forms(r[-1]) | _plural_forms(r[-1]))
    return [Phrase(frozenset(h), mods) for mods, h in heads.items()]


def _parse_pattern(body: str, code: str, synsets: dict[str, list[list[str]]]) -> list[Pattern]:
    if "*" not in body:
        return []
    before, _, after = body.partition("*")
    subject_words = [w for w in before.split() if w not in ("$", "+", "%", "^", "-")]
    subjects = _phrase(subject_words, synsets) if subject_words else [None]
    if subject_words and not subjects:
        return []
    objects: list[list[Phrase]] = []
    preps: list[tuple[str, list[Phrase] | None]] = []
    particles: list[str] = []
    pending: list[str] = []

    def flush() -> bool:
        if pending:
            readings = _phrase(pending, synsets)
            if not readings:
                return False
            objects.append(readings)
            pending.clear()
        return True

    for tok in _TOKEN.findall(after):
        if tok in ("$", "+", "%", "^"):
            if not flush():
                return []
            continue
        if tok.startswith("{"):
            if not flush():
                return []
            readings = _phrase(tok.strip("{}").split(), synsets)
            if not readings:
                return []
            objects.append(readings)
        elif tok.startswith("("):
            if not flush():
                return []
            inner = [w for w in tok.strip("()").replace("{", " ").replace("}", " ").split()]
            inner = [w for w in inner if w not in ("$", "+", "%", "^")]
            if not inner:
                continue
            prep = inner[0].lower()
            noun = _phrase(inner[1:], synsets) if len(inner) > 1 else None
            if len(inner) > 1 and not noun:
                return []
            preps.append((prep, noun))
        elif tok.lower() in _PARTICLES and not pending and not objects:
            particles.append(tok.lower())
        else:
            pending.append(tok)
    if not flush():
        return []
    if not objects and not preps and not particles and not subject_words:
        return []  # the verb alone: its default code is too coarse (docs/EVAL.md)
    # one Pattern per combination of synonym-set readings (sets are small)
    patterns: list[Pattern] = []
    obj_combos: list[tuple[Phrase, ...]] = [()]
    for readings in objects:
        obj_combos = [(*c, r) for c in obj_combos for r in readings]
    prep_combos: list[tuple[tuple[str, Phrase | None], ...]] = [()]
    for prep, nouns in preps:
        options: list[Phrase | None] = list(nouns) if nouns else [None]
        prep_combos = [(*c, (prep, n)) for c in prep_combos for n in options]
    for subject in subjects:
        for objs in obj_combos:
            for pps in prep_combos:
                patterns.append(Pattern(code, subject, objs, pps, tuple(particles), body.strip()))
    return patterns


@dataclass(frozen=True)
class Verb:
    """A verb of a synonym block: its lemma and the particles that make it
    ("STIR_UP" is stir + up)."""

    lemma: str
    particles: tuple[str, ...]


@cache
def _plover() -> dict[str, tuple[str, str | None]]:
    return {row[0]: (row[1], row[2] or None) for row in read_table("cameo_plover.tsv")}


def plover_of(code: str) -> tuple[str, str | None] | None:
    """The PLOVER type and mode of a CAMEO code, from its most specific listed prefix."""
    table = _plover()
    for n in range(len(code), 2, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


#: The code of a pattern that says the verb, so used, is no event ("battle Congress").
NULL = "---"


def _code(cell: str) -> str | None:
    """ "[173]" -> 173; "[042:043]" -> 042 (the first direction); "[:190]" -> 190;
    "[---]" -> the null code."""
    parts = [p.strip() for p in cell.strip("[] ").split(":")]
    for part in parts:
        if part and part != NULL:
            return part
    return NULL if NULL in parts else None


def _verb(entry: str) -> Verb | None:
    words = entry.split("_")
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if len(words) == 1:
        return Verb(words[0].lower(), ())
    if not marked or marked[0] != 0:
        return None  # a compound before the verb ("WIRE_+TAP"): left out
    return Verb(words[0].lstrip("+").lower(), tuple(w.lower() for w in words[1:]))


def _keys(pattern: Pattern) -> frozenset[str]:
    """Words one of which must be among the verb's arguments for the pattern to
    match: the first object's head, else a preposition, the subject, a particle."""
    if pattern.objects:
        return pattern.objects[0].head
    if pattern.preps:
        return frozenset([pattern.preps[0][0]])
    if pattern.subject is not None:
        return pattern.subject.head
    return frozenset(pattern.particles)


@dataclass(frozen=True)
class Block:
    """The patterns of one synonym block, indexed by a word each needs (a verb has
    hundreds of patterns; its arguments name a handful of words)."""

    patterns: tuple[Pattern, ...]
    index: dict[str, tuple[int, ...]]  # word -> positions of the patterns that need it

    @classmethod
    def of(cls, patterns: list[Pattern]) -> Block:
        index: dict[str, list[int]] = {}
        for at, pattern in enumerate(patterns):
            for key in _keys(pattern):
                index.setdefault(key, []).append(at)
        return cls(tuple(patterns), {k: tuple(v) for k, v in index.items()})

    def candidates(self, words: set[str]) -> list[Pattern]:
        """In dictionary order, whatever the order of ``words``: among patterns of
        equal weight the first listed wins, in every process (a set's order of
        strings changes with the hash seed)."""
        found = {at for word in words for at in self.index.get(word, ())}
        return [self.patterns[at] for at in sorted(found)]


#: The name of the dictionary's prebuilt index.
INDEX = "cameo"


@cache
def dictionary() -> Mapping[str, list[tuple[Verb, Block]]]:
    """The verbs of each lemma, each with its block's patterns: parsed from the
    dictionary once, then read back from its prebuilt index in every process."""
    return _Verbs(prebuilt.load(INDEX, lambda: _to_plain(parse_dictionary())))


class _Verbs(Mapping[str, list[tuple[Verb, Block]]]):
    """The dictionary as read from its index, each lemma's blocks made on first
    use: an article asks for a few dozen of the 1,450 verbs, and making all
    45,000 pattern objects would cost every process a tenth of a second."""

    def __init__(self, plain: tuple[Any, ...]) -> None:
        self._plain_blocks, self._plain_verbs = plain
        self._blocks: dict[int, Block] = {}
        self._made: dict[str, list[tuple[Verb, Block]]] = {}

    def __getitem__(self, lemma: str) -> list[tuple[Verb, Block]]:
        made = self._made.get(lemma)
        if made is None:
            made = self._made[lemma] = [
                (prebuilt.restore(Verb, lemma=v, particles=parts), self._block(n))
                for v, parts, n in self._plain_verbs[lemma]
            ]
        return made

    def _block(self, number: int) -> Block:
        block = self._blocks.get(number)
        if block is None:
            block = self._blocks[number] = _block_of(self._plain_blocks[number])
        return block

    def __contains__(self, lemma: object) -> bool:
        return lemma in self._plain_verbs

    def __iter__(self) -> Iterator[str]:
        return iter(self._plain_verbs)

    def __len__(self) -> int:
        return len(self._plain_verbs)


_PlainPhrase = tuple[frozenset[str], tuple[frozenset[str], ...]]


def _phrase_plain(p: Phrase | None) -> _PlainPhrase | None:
    return None if p is None else (p.head, p.modifiers)


def _phrase_of(plain: _PlainPhrase | None) -> Phrase | None:
    return None if plain is None else prebuilt.restore(Phrase, head=plain[0], modifiers=plain[1])


def _to_plain(by_lemma: dict[str, list[tuple[Verb, Block]]]) -> tuple[Any, ...]:
    """Blocks once each (several verbs share one), verbs pointing at them by number."""
    numbers: dict[int, int] = {}
    blocks: list[Any] = []
    verbs: dict[str, list[Any]] = {}
    for lemma, entries in by_lemma.items():
        for verb, block in entries:
            if id(block) not in numbers:
                numbers[id(block)] = len(blocks)
                patterns = tuple(
                    (
                        p.code,
                        _phrase_plain(p.subject),
                        tuple(_phrase_plain(o) for o in p.objects),
                        tuple((prep, _phrase_plain(n)) for prep, n in p.preps),
                        p.particles,
                        p.text,
                    )
                    for p in block.patterns
                )
                blocks.append((patterns, block.index))
            verbs.setdefault(lemma, []).append((verb.lemma, verb.particles, numbers[id(block)]))
    return blocks, verbs


def _block_of(plain: tuple[Any, ...]) -> Block:
    patterns, index = plain
    return prebuilt.restore(
        Block,
        patterns=tuple(
            prebuilt.restore(
                Pattern,
                code=code,
                subject=_phrase_of(subject),
                objects=tuple(_phrase_of(o) for o in objects),
                preps=tuple((prep, _phrase_of(n)) for prep, n in preps),
                particles=particles,
                text=text,
            )
            for code, subject, objects, preps, particles, text in patterns
        ),
        index=index,
    )


def _from_plain(plain: tuple[Any, ...]) -> dict[str, list[tuple[Verb, Block]]]:
    """Every lemma made at once (the lazy mapping above makes them one by one)."""
    verbs = _Verbs(plain)
    return {lemma: verbs[lemma] for lemma in verbs}


def parse_dictionary() -> dict[str, list[tuple[Verb, Block]]]:
    """The verbs of each lemma, each with its block's patterns, from CAMEO.2.0.txt."""
    text = resources.files("newsevents.data").joinpath("CAMEO.2.0.txt").read_text(encoding="utf-8")
    synsets: dict[str, list[list[str]]] = {}
    by_lemma: dict[str, list[tuple[Verb, Block]]] = {}
    current_set: str | None = None
    verbs: list[Verb] = []
    patterns: list[Pattern] = []

    def close_block() -> None:
        if patterns:
            block = Block.of(patterns)
            for verb in verbs:
                by_lemma.setdefault(verb.lemma, []).append((verb, block))

    in_block = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("&"):
            current_set = line.split()[0].upper()
            synsets[current_set] = []
            continue
        if current_set is not None and line.startswith("+") and not in_block:
            synsets[current_set].append([w for w in line[1:].strip().split("_") if w])
            continue
        if line.startswith("---"):
            close_block()
            current_set = None
            in_block = True
            verbs, patterns = [], []
            continue
        if not in_block:
            continue
        if line.startswith("-"):
            m = re.match(r"-\s*(.*?)\s*(\[[^\]]*\])", line)
            if not m:
                continue
            code = _code(m.group(2))
            if code is None or (code != NULL and plover_of(code) is None):
                continue
            patterns.extend(_parse_pattern(m.group(1), code, synsets))
            continue
        entry = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
        if entry:
            verb = _verb(entry[0])
            if verb is not None:
                verbs.append(verb)
    close_block()
    return by_lemma


def _word_of(tok: Token) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


def _phrase_matches(phrase: Phrase, tok: Token) -> bool:
    if not (_word_of(tok) & phrase.head):
        # "air strikes" heads on strikes; a compound head ("cease-fire") may be split
        return False
    if not phrase.modifiers:
        return True
    mods = [c for c in tok.subtree if c.i < tok.i]
    words = [_word_of(m) for m in mods]
    return all(any(form & w for w in words) for form in phrase.modifiers)


def _objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
    return objs


def _preps(verb: Token, objects: list[Token]) -> list[Token]:
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent")]
    preps += [c for o in objects for c in o.children if c.dep_ == "prep"]
    return preps


@dataclass(frozen=True)
class _Arguments:
    """What a verb acts on, read once per verb: every pattern of its blocks is
    tried against the same children."""

    particles: frozenset[str]
    subjects: tuple[Token, ...]
    objects: tuple[Token, ...]
    preps: tuple[Token, ...]
    own_preps: tuple[Token, ...]

    @classmethod
    def of(cls, verb: Token) -> _Arguments:
        kids = list(verb.children)
        objects = _objects(verb)
        preps = tuple(_preps(verb, objects))
        return cls(
            frozenset(c.lower_ for c in kids if c.dep_ in ("prt", "advmod", "prep")),
            # who does it: the subject, or a passive's "by" object ("four aircraft
            # will be assembled" does not fill "&AIRCRAFT *", aircraft assembling)
            tuple(c for c in kids if c.dep_ == "nsubj")
            + tuple(o for a in kids if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"),
            tuple(objects),
            preps,
            tuple(p for p in preps if p.head.i == verb.i),
        )


def _pattern_matches(args: _Arguments, particles: tuple[str, ...], pattern: Pattern) -> bool:
    if any(p not in args.particles for p in (*particles, *pattern.particles)):
        return False
    if pattern.subject is not None and not any(
        _phrase_matches(pattern.subject, c) for c in args.subjects
    ):
        return False
    used: set[int] = set()
    for phrase in pattern.objects:
        hit = next(
            (o for o in args.objects if o.i not in used and _phrase_matches(phrase, o)),
            None,
        )
        if hit is None:
            return False
        used.add(hit.i)
    # A pattern that names no object reads the verb's own phrases only: "heads the
    # Center of Research for Development" is no "HEAD * (FOR)" (heading for a place)
    preps = args.preps if pattern.objects else args.own_preps
    for word, noun in pattern.preps:
        candidates = [p for p in preps if p.lower_ == word and _place_or_party(p)]
        if not candidates:
            return False
        if noun is not None and not any(
            _phrase_matches(noun, o)
            for p in candidates
            for o in p.children
            if o.dep_ in ("pobj", "pcomp")
        ):
            return False
    return True


def _place_or_party(prep: Token) -> bool:
    """A preposition whose object is a time ("for two hours", "on Monday") says
    when, not to whom or where: it fills no pattern."""
    objs = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    return bool(objs) and all(o.ent_type_ not in ("DATE", "TIME") for o in objs)


@dataclass(frozen=True)
class Match:
    type: str | None  # None: the null code, the verb so used is no event
    mode: str | None
    code: str
    rule: str


def match(verb: Token, lemma: str | None = None) -> Match | None:
    """The most specific CAMEO pattern the verb and its arguments fill, if any
    (``lemma`` when the caller knows better than the tagger)."""
    candidates = dictionary().get(lemma or verb.lemma_.lower())
    if not candidates or verb.dep_ == "acl":
        return None  # "a vehicle carrying soldiers" describes the vehicle; nothing happens
    best: tuple[int, Verb, Pattern] | None = None
    args = _Arguments.of(verb)
    words = _argument_words(verb, args)
    for v, block in candidates:
        for pattern in block.candidates(words):
            weight = pattern.weight + len(v.particles)
            if best is not None and weight <= best[0]:
                continue
            if _pattern_matches(args, v.particles, pattern):
                best = (weight, v, pattern)
    if best is None:
        return None
    _, v, pattern = best
    mapped = (None, None) if pattern.code == NULL else plover_of(pattern.code)
    assert mapped is not None
    name = "_".join((v.lemma, *v.particles)).upper()
    return Match(
        mapped[0], mapped[1], pattern.code, f"cameo:{name} {pattern.text} [{pattern.code}]"
    )


def _argument_words(verb: Token, args: _Arguments) -> set[str]:
    """Every word a pattern's key can be: heads of the objects and subjects (lemma
    and form), prepositions and particles of the verb and its objects."""
    words: set[str] = set()
    for tok in (*args.objects, *args.subjects):
        words |= _word_of(tok)
    for tok in (*args.preps, *verb.children):
        words.add(tok.lower_)
    return words


def pattern_count() -> int:
    """How many verb-pattern pairs are loaded (reported by the evaluation)."""
    blocks = {id(b): len(b.patterns) for verbs in dictionary().values() for _, b in verbs}
    return sum(blocks.values())


__all__ = ["Match", "match", "pattern_count", "plover_of"]


@cache
def block_codes() -> dict[str, tuple[str, ...]]:
    """Lemma -> the default CAMEO codes of the synonym blocks it is listed in
    ("---  MEET_PEOPLE   [040]  ---" gives every verb of that block 040); blocks
    whose default is the null code are left out. The exports read it to give an
    event found by the lexicon its full CAMEO code."""
    text = resources.files("newsevents.data").joinpath("CAMEO.2.0.txt").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    default: str | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if line.startswith("---"):
            found = re.search(r"\[([^\]]*)\]", line)
            code = _code(found.group(0)) if found else None
            default = code if code not in (None, NULL) else None
            continue
        if default is None or not line.strip() or line.startswith(("-", "&", "+")):
            continue
        entry = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
        verb = _verb(entry[0]) if entry else None
        if verb is not None and not verb.particles and default not in out.get(verb.lemma, []):
            out.setdefault(verb.lemma, []).append(default)
    return {k: tuple(v) for k, v in out.items()}
