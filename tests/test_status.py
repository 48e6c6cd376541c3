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
        (
            "The ministry dismissed reports that troops had been sent to the border.",
            "sent",
            "negated",
            "'dismissed' reports",
        ),
        (
            "The army rejected claims that its soldiers had shot protesters.",
            "shot",
            "negated",
            "'rejected' reports",
        ),
        (  # a report confirmed stays asserted
            "The ministry confirmed reports that troops had been sent to the border.",
            "sent",
            "asserted",
            "indicative",
        ),
        (
            "The rebels are believed to have kidnapped the engineers.",
            "kidnapped",
            "possible",
            "hearsay: 'believed' to",
        ),
        (
            "Israel neither confirmed nor denied carrying out the strike.",
            "strike",
            "possible",
            "neither confirmed nor denied",
        ),
        ("The army denied carrying out the strike.", "strike", "negated", "denied: 'denied'"),
        ("Police foiled an attack by the rebels.", "attack", "negated", "object of 'foiled'"),
        (
            "The new law allows police to detain suspects for 30 days.",
            "detain",
            "hypothetical",
            "permitted: 'allows'",
        ),
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
        ("Russia has no plan to attack Finland.", "attack", "negated", "no 'plan to'"),
        (
            "Russia does not have any plans to attack Finland.",
            "attack",
            "negated",
            "no 'plans to'",
        ),
        ("Moscow has no intention of attacking NATO.", "attacking", "negated", "no 'intention of'"),
        (
            "The army has the capability of striking Tehran.",
            "striking",
            "hypothetical",
            "capability: 'capability of'",
        ),
        (
            "The rebels plan to attack the town and seize the airport.",
            "seize",
            "planned",
            "'plan' to",
        ),
        (
            "Hungary voted against sending troops to Ukraine.",
            "sending",
            "hypothetical",
            "'voted against'",
        ),
        # only "possible" and "likely" make a frame of possibility, not any adjective
        (
            "It is clear that Turkey will mediate between Russia and Ukraine.",
            "mediate",
            "planned",
            "future tense",
        ),
        # a gerund under "by" after a verb of keeping is the means, and it happened
        (
            "Police stopped the protesters by arresting their leaders.",
            "arresting",
            "asserted",
            "indicative",
        ),
        # an act named in an accusation is alleged, whoever denies it
        (
            "Moscow denied allegations of bombing a hospital in Aleppo.",
            "bombing",
            "possible",
            "alleged: 'allegations' of",
        ),
        (
            "The goal of the Russian army is to destroy Ukrainian forces in Kursk.",
            "destroy",
            "planned",
            "aim: 'the task is to'",
        ),
        (
            "This will be the second time that Putin meets the envoy.",
            "meets",
            "planned",
            "future clause around 'time'",
        ),
        ("Iran shall release the prisoners on Monday.", "release", "planned", "future tense"),
        (
            "Russia has never had any plan to attack Finland.",
            "attack",
            "negated",
            "no 'plan to'",
        ),
        # every verb of a trip under way or ahead, and the contracted future
        (
            "The French envoy is heading to Kyiv to meet Zelensky.",
            "meet",
            "planned",
            "travelling to",
        ),
        (
            "The Qatari minister is coming to Kabul to negotiate with the Taliban.",
            "negotiate",
            "planned",
            "travelling to",
        ),
        (
            "The delegation is setting out for Doha to negotiate with the Taliban.",
            "negotiate",
            "planned",
            "travelling to",
        ),
        (
            "They'll fly to Cairo next week to meet President Sisi.",
            "meet",
            "planned",
            "travelling to",
        ),
        (
            "The delegation sets off for Doha on Monday to negotiate with the Taliban.",
            "negotiate",
            "hypothetical",
            "purpose: 'to negotiate'",
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


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine warned against attacking the nuclear plant.",
        "Russia refrained from attacking the convoy.",
        "The court barred the government from deporting the activists.",
        "Police prevented the protesters from entering the parliament.",
    ],
)
def test_a_gerund_kept_from_happening_is_not_asserted(text: str, nlp: Language) -> None:
    """ "refrained from attacking", "warned against attacking": the act under the
    preposition did not happen."""
    gerund = next(w for w in text.split() if w.endswith("ing") and w != "nothing")
    assert _statuses(text, nlp).get(gerund, ("not coded", ""))[0] != "asserted"


@pytest.mark.parametrize(
    ("sentence", "trigger", "status"),
    [
        ("The militia denied that it had burned the village.", "burned", "negated"),
        ("The militia denied burning the village.", "burning", "negated"),
        ("The minister did not deny that troops had entered the town.", "entered", "possible"),
        ("Jordanian jets reportedly struck a militia base in Syria.", "struck", "possible"),
        ("Gunmen allegedly kidnapped a priest in Kaduna.", "kidnapped", "possible"),
    ],
)
def test_denials_and_hedges(nlp: Language, sentence: str, trigger: str, status: str) -> None:
    r = analyze(article_from_text(sentence, published="2025-03-13"), nlp)
    found = {sentence[e.trigger[0] : e.trigger[1]]: e.status for e in r.events}
    assert found.get(trigger) == status, found


@pytest.mark.parametrize(
    ("sentence", "trigger", "status"),
    [
        ("Activists planned a march on parliament in Lima.", "march", "planned"),
        ("Rebels threatened an attack by their allies on Goma.", "attack", "hypothetical"),
        ("Rebels launched an attack by their allies on Goma.", "launched", "asserted"),
    ],
)
def test_an_event_noun_takes_the_aim_of_its_verb(
    nlp: Language, sentence: str, trigger: str, status: str
) -> None:
    r = analyze(article_from_text(sentence, published="2025-03-13"), nlp)
    found = {sentence[e.trigger[0] : e.trigger[1]]: e.status for e in r.events}
    assert found.get(trigger) == status, found


def test_what_a_charged_act_did_is_charged_when_of_hangs_on_the_object(nlp: Language) -> None:
    text = (
        "The Thai army accused Cambodian forces of shelling positions near the temple, "
        "wounding two soldiers."
    )
    r = analyze(article_from_text(text, published="2025-03-13"), nlp)
    names = {e.id: e.name for e in r.entities}
    found = {
        text[e.trigger[0] : e.trigger[1]]: (e.status, [names[a] for a in e.actors])
        for e in r.events
    }
    assert found.get("wounding", ("?", []))[0] == "possible", found
    assert "Thai army" not in found.get("wounding", ("?", []))[1], found
