"""Event coding on sentences written for these tests: one per status and argument pattern."""

from spacy.language import Language

from newsevents import Analysis, analyze, article_from_text


def events(text: str, nlp: Language) -> list[tuple[str, list[str], list[str], str, str | None]]:
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    names = {e.id: e.name for e in result.entities}
    return [
        (
            ev.type,
            [names[a] for a in ev.actors],
            [names[r] for r in ev.recipients],
            ev.status,
            names.get(ev.source) if ev.source else None,
        )
        for ev in result.events
    ]


def test_reference_events_have_spans_inside_sentences(reference: Analysis) -> None:
    assert reference.events
    ids = {e.id for e in reference.entities}
    for ev in reference.events:
        assert ev.sentence[0] <= ev.trigger[0] < ev.trigger[1] <= ev.sentence[1]
        assert set(ev.actors) <= ids and set(ev.recipients) <= ids
    # the subheading restating the body is not coded
    (head,) = reference.article.subheadings
    assert not any(head.span[0] <= ev.trigger[0] < head.span[1] for ev in reference.events)


def test_planned_meeting(nlp: Language) -> None:
    found = events(
        "French President Emmanuel Macron plans to meet Chinese President Xi Jinping on Friday.",
        nlp,
    )
    assert ("CONSULT", ["Emmanuel Macron"], ["Xi Jinping"], "planned", None) in found


def test_negated_and_hypothetical(nlp: Language) -> None:
    found = events("Turkish President Recep Tayyip Erdogan did not meet Swedish officials.", nlp)
    assert any(t == "CONSULT" and s == "negated" for t, _, _, s, _ in found)
    found = events("Canada could impose sanctions on Iran.", nlp)
    assert any(
        t == "SANCTION" and a == ["Canada"] and r == ["Iran"] and s == "hypothetical"
        for t, a, r, s, _ in found
    )


def test_passive_agent_and_reported_source(nlp: Language) -> None:
    found = events("Iraq said that Syria was attacked by Turkey on Monday.", nlp)
    assert ("ASSAULT", ["Turkey"], ["Syria"], "asserted", "Iraq") in found


def test_possible_event(nlp: Language) -> None:
    found = events("It is possible that Egypt and Qatar spoke by phone.", nlp)
    assert any(
        t == "CONSULT" and s == "possible" and set(a) == {"Egypt", "Qatar"}
        for t, a, _, s, _ in found
    )
