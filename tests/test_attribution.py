"""Who asserts each event (``events/attribution.py``) and the status a charge gives,
on sentences written for these tests."""

import pytest
from spacy.language import Language

from newsevents import analyze, article_from_text


def _event(text: str, trigger: str, nlp: Language) -> tuple[str, str | None, list[str]]:
    """(status, source name, actor names) of the event on ``trigger``."""
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    names = {e.id: e.name for e in result.entities}
    found = [
        e for e in result.events if result.article.text[e.trigger[0] : e.trigger[1]] == trigger
    ]
    assert len(found) == 1, [
        result.article.text[e.trigger[0] : e.trigger[1]] for e in result.events
    ]
    ev = found[0]
    return ev.status, names.get(ev.source or ""), [names.get(a, a) for a in ev.actors]


@pytest.mark.parametrize(
    ("text", "trigger", "status", "source"),
    [
        # the outlet's own word
        ("Russia shelled Kharkiv on Monday.", "shelled", "asserted", None),
        # a reporting verb over the clause, through a complement, an aim, a participle
        ("Ukraine said Russia shelled Kharkiv.", "shelled", "asserted", "Ukraine"),
        (
            "Zelensky said Russia tried to attack Kyiv.",
            "attack",
            "hypothetical",
            "Volodymyr Zelensky",
        ),
        (
            "Ukraine said Russian troops entered Sumy, shelling the city.",
            "shelling",
            "asserted",
            "Ukraine",
        ),
        (
            "Ukraine said Russia shelled Kharkiv and Belarus massed troops on the border.",
            "massed",
            "asserted",
            "Ukraine",
        ),
        ("According to Ukraine, Russia shelled Kharkiv.", "shelled", "asserted", "Ukraine"),
        (
            "Ukraine's foreign ministry said Russia shelled Kharkiv.",
            "shelled",
            "asserted",
            "Ukraine's foreign ministry",
        ),
        # the agent of a passive report speaks, not its subject
        ("Ukraine was told by Poland that Russia attacked Sumy.", "attacked", "asserted", "Poland"),
        (
            "It was reported by Ukraine that Russia attacked Sumy.",
            "attacked",
            "asserted",
            "Ukraine",
        ),
        # "went on to say" is what was said next, not an aim
        ("Kyiv went on to say that Russia attacked Sumy.", "attacked", "asserted", "Ukraine"),
        # background clauses are not covered by the report
        (
            "Ukraine said talks collapsed when Russian troops shelled Kharkiv.",
            "shelled",
            "asserted",
            None,
        ),
        # a charge is the accuser's word and only possible; so is what the act did
        ("Ukraine accused Russia of shelling Kharkiv.", "shelling", "possible", "Ukraine"),
        (
            "Ukraine accused Russia of bombing a market in Kharkiv, killing 45 civilians.",
            "killing",
            "possible",
            "Ukraine",
        ),
        ("Russia shelled Kharkiv, killing 45 civilians.", "killing", "asserted", None),
    ],
)
def test_source_and_status(
    text: str, trigger: str, status: str, source: str | None, nlp: Language
) -> None:
    got_status, got_source, _ = _event(text, trigger, nlp)
    assert (got_status, got_source) == (status, source)


def test_the_accuser_is_the_source_not_the_accused(nlp: Language) -> None:
    status, source, actors = _event("Ukraine accused Russia of shelling Kharkiv.", "shelling", nlp)
    assert actors == ["Russia"] and source == "Ukraine" and status == "possible"
