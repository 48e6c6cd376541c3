"""Status and the rule behind it, one sentence per rule of ``events/status.py``,
written for these tests."""

import pytest
from spacy.language import Language

from newsevents import analyze, article_from_text


def _statuses(text: str, nlp: Language) -> dict[str, tuple[str, str]]:
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    return {
        text[e.trigger[0] : e.trigger[1]]: (e.status, str(getattr(e, "status_rule", "")))
        for e in result.events
    }


@pytest.mark.parametrize(
    ("text", "trigger", "status", "rule"),
    [
        ("If Russia attacks Moldova, NATO will respond.", "attacks", "hypothetical", "conditional"),
        ("Ukraine did not attack the Russian convoy.", "attack", "negated", "negation on 'attack'"),
        (
            "Hungary has not ruled out vetoing the sanctions.",
            "vetoing",
            "hypothetical",
            "did not rule out",
        ),
        ("Iran refused to release the prisoners.", "release", "negated", "'refused' to"),
        ("Iran refused to release the prisoners.", "refused", "asserted", "indicative"),
        (
            "The minister said Israel must withdraw its troops from Rafah.",
            "withdraw",
            "requested",
            "'must' on 'withdraw'",
        ),
        (
            "The president said the army should withdraw its troops from the border.",
            "withdraw",
            "requested",
            "'must' on 'withdraw'",
        ),
        (
            "The law gave the army the power to detain protesters.",
            "detain",
            "hypothetical",
            "capability: 'power to'",
        ),
        ("The rebels want to attack the capital.", "attack", "hypothetical", "aim: 'want' to"),
        (
            "The treaty needs to be ratified by the parliament.",
            "ratified",
            "requested",
            "obligation: 'needs' to",
        ),
        (
            "Kyiv doubts that Russia withdrew its troops.",
            "withdrew",
            "possible",
            "alleged: 'doubts'",
        ),
        ("Russia could attack Moldova.", "attack", "hypothetical", "modal on 'attack'"),
        ("Russia may attack Moldova.", "attack", "possible", "modal on 'attack'"),
        (
            "It is possible that Turkey will mediate between them.",
            "mediate",
            "possible",
            "it is possible",
        ),
        (
            "It is likely that Turkey will mediate between Russia and Ukraine.",
            "mediate",
            "possible",
            "it is possible",
        ),
        (
            "Turkey will mediate between Russia and Ukraine, officials said.",
            "mediate",
            "planned",
            "future tense",
        ),
        (
            "Turkey plans to mediate between Russia and Ukraine.",
            "mediate",
            "planned",
            "'plans' to",
        ),
        (
            "Iran agreed to return to talks with the United States.",
            "talks",
            "planned",
            "'agreed' to",
        ),
        (
            "This will be the second time that Putin meets the envoy.",
            "meets",
            "planned",
            "future clause around 'time'",
        ),
        (
            "The rebels accused the army of shelling the village.",
            "shelling",
            "possible",
            "alleged: 'accused' of",
        ),
        (
            "Kenya refused to extradite the suspects.",
            "extradite",
            "negated",
            "'refused' to",
        ),
        (
            "An attack on Moldova is possible, the minister said.",
            "attack",
            "possible",
            "it is possible",
        ),
        (
            "Envoy Jane Doe is going to Ankara to meet President Recep Erdogan.",
            "meet",
            "planned",
            "travelling to",
        ),
        (
            "Envoy Jane Doe will return to Ankara to meet President Recep Erdogan.",
            "meet",
            "planned",
            "travelling to",
        ),
        (
            "Envoy Jane Doe flew to Ankara to meet President Recep Erdogan.",
            "meet",
            "hypothetical",
            "purpose: 'to meet'",
        ),
        (
            "If talks fail, the army could attack the town.",
            "attack",
            "hypothetical",
            "conditional",
        ),
        (
            "The army should withdraw from the border.",
            "withdraw",
            "hypothetical",
            "modal on 'withdraw'",
        ),
        ("Russia did not pull out its troops from Syria.", "pull", "negated", "negation on 'pull'"),
        ("Russia pulled out its troops from Syria.", "pulled", "asserted", "indicative"),
        ("Russia unveiled its plan to invade Ukraine.", "invade", "planned", "aim: 'plan to'"),
        (
            "NATO has the right to deploy troops in Estonia.",
            "deploy",
            "hypothetical",
            "capability: 'right to'",
        ),
        (
            "Turkey is ready to mediate between Russia and Ukraine.",
            "mediate",
            "hypothetical",
            "'ready' to",
        ),
        ("Hamas said it'll release the hostages.", "release", "planned", "future tense"),
        (
            "If Iran enriches uranium, Israel would strike its facilities.",
            "strike",
            "hypothetical",
            "conditional",
        ),
    ],
)
def test_status_and_its_rule(
    text: str, trigger: str, status: str, rule: str, nlp: Language
) -> None:
    assert _statuses(text, nlp)[trigger] == (status, rule)
