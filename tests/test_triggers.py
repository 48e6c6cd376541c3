"""Trigger matching (``events/triggers.py``): discontinuation, hyphenated nouns and
the trigger span, on sentences written for these tests."""

import pytest
from spacy.language import Language

from newsevents import analyze, article_from_text


def _coded(text: str, nlp: Language) -> list[tuple[str, str, str | None, str]]:
    """(trigger text, type, mode, rule) of each event."""
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    return [(text[e.trigger[0] : e.trigger[1]], e.type, e.mode, str(e.rule)) for e in result.events]


@pytest.mark.parametrize(
    ("text", "trigger", "rule"),
    [
        # a cooperative object by the lexicon's type (CONSULT, AID) or by the noun list
        (
            "Turkey cancelled a planned visit by the Swedish minister.",
            "cancelled",
            "discontinue:cancel+visit",
        ),
        ("Canada halted aid to Gaza.", "halted", "discontinue:halt+aid"),
        ("Russia suspended flights to Georgia.", "suspended", "discontinue:suspend+flight"),
        (
            "Russia severed diplomatic relations with Ukraine.",
            "severed",
            "discontinue:sever+relation",
        ),
        (
            "Qatar ended its mediation between Israel and Hamas.",
            "ended",
            "discontinue:end+mediation",
        ),
        # the cooperative word as a compound of the object, and a passive subject
        ("Canada halted the aid convoy to Gaza.", "halted", "discontinue:halt+aid"),
        (
            "The trade route with Canada was suspended by China.",
            "suspended",
            "discontinue:suspend+trade",
        ),
        # "talks" is the lexicon's word, whose lemma is "talk"; the talks themselves are
        # no meeting that happened
        (
            "Talks between Israel and Hamas were suspended by Qatar.",
            "suspended",
            "discontinue:suspend+talk",
        ),
        (
            "Qatar suspended talks between Israel and Hamas.",
            "suspended",
            "discontinue:suspend+talk",
        ),
        (
            "Bolivia broke off diplomatic relations with Israel.",
            "broke",
            "discontinue:break+relation",
        ),
    ],
)
def test_ending_cooperation_is_a_sanction_and_its_object_no_event(
    text: str, trigger: str, rule: str, nlp: Language
) -> None:
    assert _coded(text, nlp) == [(trigger, "SANCTION", "discontinue", rule)]


def test_ending_what_is_no_cooperation_is_no_sanction(nlp: Language) -> None:
    assert not [
        c for c in _coded("The army stopped the convoy near Gaza.", nlp) if c[1] == "SANCTION"
    ]


def test_an_agreement_ended_is_a_sanction(nlp: Language) -> None:
    coded = _coded("Russia suspended the grain agreement with Ukraine.", nlp)
    assert [c[1:3] for c in coded] == [("SANCTION", "discontinue")]


@pytest.mark.parametrize(
    ("text", "trigger", "etype"),
    [
        ("Teachers staged a sit-in at the ministry in Dakar.", "sit-in", "PROTEST"),
        # the lexicon writes it as one word
        ("Workers staged a walk-out at the ministry in Dakar.", "walk-out", "PROTEST"),
    ],
)
def test_a_hyphenated_noun_is_one_trigger(
    text: str, trigger: str, etype: str, nlp: Language
) -> None:
    assert [(c[0], c[1]) for c in _coded(text, nlp)] == [(trigger, etype)]


def test_pieces_apart_are_no_hyphenated_word(nlp: Language) -> None:
    assert not _coded("Teachers staged a sit - in at the ministry in Dakar.", nlp)


@pytest.mark.parametrize(
    ("text", "trigger", "etype", "rule"),
    [
        # the means of a delivery verb is the event
        ("The EU hit Russia with new sanctions.", "hit", "SANCTION", "hit with:sanction"),
        (
            "Israel responded with air strikes on Gaza.",
            "responded",
            "ASSAULT",
            "respond with:strike",
        ),
        # a weapon moved is an attack, a weapon found is seized
        (
            "Rebels hurled a grenade at a patrol in Goma.",
            "hurled",
            "ASSAULT",
            "weapon:hurl+grenade",
        ),
        ("The army launched rockets at the town.", "launched", "ASSAULT", "weapon:launch+rocket"),
        (
            "Militants planted roadside bombs near the base.",
            "planted",
            "ASSAULT",
            "weapon:plant+bomb",
        ),
        ("The army dropped barrel bombs on Aleppo.", "dropped", "ASSAULT", "weapon:drop+bomb"),
        (
            "A helicopter dropped containers of chlorine on the town.",
            "dropped",
            "ASSAULT",
            "weapon:drop+chlorine",
        ),
        ("Police found a cache of weapons in Goma.", "found", "COERCE", "weapon seized:find+cache"),
        (
            "A suicide bomber blew himself up at a checkpoint in Kabul.",
            "blew",
            "ASSAULT",
            "blow oneself up",
        ),
        # verb + particle + object, in the active and the passive
        (
            "Rebels set up a checkpoint near Goma.",
            "set",
            "MOBILIZE",
            "lexicon:set up checkpoint/verb",
        ),
        (
            "Checkpoints were set up by the army near Goma.",
            "set",
            "MOBILIZE",
            "lexicon:set up checkpoint/verb",
        ),
        # verb + preposition + its object
        (
            "Thousands of people took to the streets of Dakar.",
            "took",
            "PROTEST",
            "lexicon:take to street/verb",
        ),
        # a strike aimed at a place, or by a country's forces, is an attack; a strike
        # on a day, or by workers, is a labour strike
        ("Russian strikes on Kharkiv killed five.", "strikes", "ASSAULT", "strike/military"),
        ("Israeli strikes killed five in Gaza.", "strikes", "ASSAULT", "strike/military"),
        ("Strikes on Kharkiv were reported overnight.", "Strikes", "ASSAULT", "strike/military"),
        (
            "Strikes against rebel positions continued overnight.",
            "Strikes",
            "ASSAULT",
            "strike/military",
        ),
        ("Saudi strikes in Yemen were condemned.", "strikes", "ASSAULT", "strike/military"),
        ("Russian forces launched strikes on Odesa.", "strikes", "ASSAULT", "strike/military"),
        (
            "A strike by dockers closed the port of Mombasa.",
            "strike",
            "PROTEST",
            "lexicon:strike/noun",
        ),
        (
            "Dockers began strikes on Monday in Mombasa.",
            "strikes",
            "PROTEST",
            "lexicon:strike/noun",
        ),
        # armed men taking people seize them
        ("Gunmen took 20 passengers from a bus near Kaduna.", "took", "COERCE", "take people"),
        ("Three students were taken by soldiers in Kaduna.", "taken", "COERCE", "take people"),
        ("Gunmen took 20 Palestinians from a bus near Hebron.", "took", "COERCE", "take people"),
        ("The army used chlorine gas against the town.", "used", "ASSAULT", "weapon:use+gas"),
        # a weapon that goes off
        (
            "A landmine went off under a military truck near the border.",
            "went",
            "ASSAULT",
            "weapon went off",
        ),
    ],
)
def test_trigger_rules(text: str, trigger: str, etype: str, rule: str, nlp: Language) -> None:
    assert (trigger, etype, rule) in [(c[0], c[1], c[3]) for c in _coded(text, nlp)]


@pytest.mark.parametrize(
    "text",
    [
        "The minister took questions from reporters.",  # no people taken by armed men
        "Soldiers took in 20 refugees at the border.",  # a particle verb: another verb
        "Iran tested missiles on Sunday.",  # a weapon, but not moved at anyone
        "Police found the missing boy in Goma.",  # found, but no weapon
        "The fire alarm went off in the ministry on Monday.",  # goes off, but no weapon
        "The test missile went astray over the sea.",  # a weapon, but it did not go off
    ],
)
def test_no_trigger_rule_fires(text: str, nlp: Language) -> None:
    assert not [c for c in _coded(text, nlp) if c[1] in ("COERCE", "ASSAULT")]


def test_returning_to_talks_is_the_talks(nlp: Language) -> None:
    coded = _coded("Iran will return to talks with the United States.", nlp)
    assert [(c[0], c[1]) for c in coded] == [("talks", "CONSULT")]


def test_a_date_is_no_trigger(nlp: Language) -> None:
    """ "March 3" is a date, not a march."""
    coded = _coded("March 3 was quiet. Ukrainian forces attacked the town.", nlp)
    assert [(c[0], c[1]) for c in coded] == [("attacked", "ASSAULT")]
    assert [(c[0], c[1]) for c in _coded("Thousands joined the march in Nairobi.", nlp)] == [
        ("march", "PROTEST")
    ]


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        # the phrase's second word hangs from the verb as an adverb or a predicate
        ("The car was set ablaze by rioters in Lyon.", "lexicon:set ablaze/verb"),
        ("Rioters set the tyres alight in Lyon.", "lexicon:set alight/verb"),
    ],
)
def test_phrases_with_an_adverb_or_a_predicate(nlp: Language, sentence: str, rule: str) -> None:
    result = analyze(article_from_text(sentence, published="2025-03-13"), nlp)
    assert rule in [e.rule for e in result.events], [(e.type, e.rule) for e in result.events]


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("South Korea warned the North that it would respond firmly to any provocation.", True),
        ("Iran warned that it will close the Strait of Hormuz.", True),
        ("The minister warned that prices would rise sharply next year.", False),
        ("Economists warned that the economy will shrink.", False),
    ],
)
def test_a_warning_of_ones_own_act_is_a_threat(text: str, threat: bool, nlp: Language) -> None:
    """CAMEO 130: warning what one will do threatens; warning what others or events
    will do is a comment."""
    found = [(t, etype) for t, etype, _mode, _rule in _coded(text, nlp)]
    assert (("warned", "THREATEN") in found) is threat


def test_backing_out_is_no_support(nlp: Language) -> None:
    found = {
        (t, etype) for t, etype, _mode, _rule in _coded("Washington backed out of the deal.", nlp)
    }
    assert ("backed", "REJECT") in found
    assert ("backed", "SUPPORT") not in found


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("Canadian operations would fold if the plant closed.", False),
        ("Boeing bases its commercial airliner operations in Washington state.", False),
        ("The military operation in the north has displaced thousands.", True),
    ],
)
def test_an_operation_is_an_attack_only_among_armed_forces(
    text: str, attack: bool, nlp: Language
) -> None:
    found = {(t, etype) for t, etype, _mode, _rule in _coded(text, nlp)}
    assert any(t.startswith("operation") and e == "ASSAULT" for t, e in found) is attack


@pytest.mark.parametrize(
    ("text", "seized"),
    [
        ("Ukrainian forces regained control of Ruska Lozova.", True),
        ("Rebels seized control of the airport in the capital.", True),
        ("The company gained control of the market.", False),
    ],
)
def test_taking_control_of_a_place_is_a_seizure(text: str, seized: bool, nlp: Language) -> None:
    """CAMEO 192 (occupy territory), which PLOVER codes COERCE/seize."""
    found = {(etype, mode) for _t, etype, mode, _rule in _coded(text, nlp)}
    assert (("COERCE", "seize") in found) is seized


@pytest.mark.parametrize(
    "text",
    [
        "Putin congratulated Xi Jinping on his re-election.",
        "The European Union hailed the agreement as a breakthrough.",
        "The minister commended the mediators for their work.",
    ],
)
def test_praise_is_support(text: str, nlp: Language) -> None:
    """CAMEO 051 (praise or endorse): PLOVER SUPPORT."""
    assert "SUPPORT" in {etype for _t, etype, _mode, _rule in _coded(text, nlp)}


@pytest.mark.parametrize(
    ("text", "trigger", "etype", "coded"),
    [
        ("Iran was seeking to expand its influence in Iraq.", "seeking", "REQUEST", False),
        ("Iran sought international aid after the war.", "sought", "REQUEST", True),
        ("Israel neither confirmed nor denied carrying out the strike.", "denied", "REJECT", False),
        ("The army denied the charges.", "denied", "REJECT", True),
    ],
)
def test_seeking_an_aim_and_neither_confirming_nor_denying(
    text: str, trigger: str, etype: str, coded: bool, nlp: Language
) -> None:
    found = {(t, e) for t, e, _mode, _rule in _coded(text, nlp)}
    assert ((trigger, etype) in found) is coded


@pytest.mark.parametrize(
    "text",
    [
        "Turkish troops have established a total of 12 observation points in the province.",
        "Rebels set up dozens of checkpoints on the road to the capital.",
    ],
)
def test_a_counted_object_is_what_the_verb_acts_on(text: str, nlp: Language) -> None:
    """ "a total of 12 points", "dozens of checkpoints": the phrase reads the noun counted."""
    assert "MOBILIZE" in {etype for _t, etype, _mode, _rule in _coded(text, nlp)}


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Russia launched a war against Ukraine.", "ASSAULT"),
        ("The junta is waging war on its own people.", "ASSAULT"),
        ("Paraguay declared war on Bolivia.", "THREATEN"),
    ],
)
def test_war_made_and_declared(text: str, etype: str, nlp: Language) -> None:
    assert etype in {e for _t, e, _mode, _rule in _coded(text, nlp)}


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # criticism: a politician over something, in a speech, a decision
        ("Trump attacked Clinton over her emails during the debate.", "ACCUSE"),
        ("The senator attacked the administration on Twitter.", "ACCUSE"),
        ("The governor slammed the federal response.", "ACCUSE"),
        # force
        ("A man attacked the prime minister with a knife.", "ASSAULT"),
        ("Rebels attacked the army base in a dawn raid.", "ASSAULT"),
    ],
)
def test_an_attack_in_words_is_criticism(text: str, etype: str, nlp: Language) -> None:
    found = {e for _t, e, _mode, _rule in _coded(text, nlp)}
    assert etype in found and ({"ACCUSE", "ASSAULT"} - {etype}).isdisjoint(found)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("The government vowed to fight corruption.", None),
        ("Firefighters battled the blaze for hours.", None),
        ("The former minister will fight the charges in court.", None),
        ("Hezbollah vowed to retaliate against Israel.", "THREATEN"),
        ("Rebels fought government troops near the airport.", "ASSAULT"),
    ],
)
def test_fighting_no_one_and_vowing_no_force(text: str, etype: str | None, nlp: Language) -> None:
    found = {e for _t, e, _mode, _rule in _coded(text, nlp)}
    assert found == ({etype} if etype else set())


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # control of a place: terrain after "over", a named place
        ("Rebels wrested control over the town on Monday.", "wrest control of a place"),
        ("Rebels wrested control over Mount Kenya on Monday.", "wrest control of a place"),
        # a vow of force: a retaliation word, an attack, a punishment, or no complement
        ("The rebels vowed to retaliate.", "lexicon:vow/verb"),
        ("The rebels vowed revenge.", "lexicon:vow/verb"),
        ("The rebels vowed to attack the capital.", "lexicon:vow/verb"),
        ("The rebels vowed to punish the traitors.", "lexicon:vow/verb"),
        # arms handed to someone
        ("Germany will send 14 tanks to Ukraine.", "arms given:send"),
        # a strike aimed at a place is an attack; launched strikes are the launch
        ("Strikes against Kharkiv killed five.", "strike/military"),
        ("Russian strikes on Kharkiv killed five.", "strike/military"),
        # attacked in words: a decision, a speech setting, a person over something,
        # a pronoun's attack on a person
        ("The senator attacked the plan.", "attack in words"),
        ("The senator attacked the governor in an interview.", "attack in words"),
        ("The senator attacked the governor at a conference.", "attack in words"),
        ("The senator attacked the governor during the debate.", "attack in words"),
        ("Trump attacked Clinton over her emails.", "attack in words"),
        ("He attacked Clinton on Monday.", "attack in words"),
        # fighting a party, even beside a condition
        ("The army fought the rebels and corruption.", "lexicon:fight/verb"),
        ("The army will fight against the rebels.", "lexicon:fight/verb"),
        # a denial with no "neither" before it
        ("The army denied the report.", "lexicon:deny/verb"),
        # ending what is cooperation by its lexicon type (an agreement, exercises)
        ("Russia suspended the grain deal on Monday.", "discontinue:suspend+deal"),
        ("The navy suspended joint exercises with Japan.", "discontinue:suspend+exercise"),
        ("Russia broke off talks with Ukraine on Monday.", "discontinue:break+talk"),
        # a hyphenated trigger at the very start of the text
        ("Sit-in at the ministry enters its third day.", "lexicon:sit-in/noun"),
        # each word of a vow of force, and a vow of sanctions
        ("The rebels vowed to avenge the deaths.", "lexicon:vow/verb"),
        ("The rebels vowed to respond.", "lexicon:vow/verb"),
        ("The army vowed to crush the rebellion.", "lexicon:vow/verb"),
        ("The EU vowed to impose sanctions on Russia.", "lexicon:vow/verb"),
        # arms given: a weapon system, and arms sent in the passive
        ("Germany sent a missile system to Ukraine.", "arms given:send"),
        ("Tanks were sent to Ukraine by Germany.", "arms given:send"),
        # strikes carried out, and a labour strike by its strikers or their clause
        ("The army carried out strikes in the north.", "strike/military"),
        ("Teachers struck for higher pay.", "strike/labour"),
        ("Workers striking for higher pay blocked the port.", "strike/labour"),
    ],
)
def test_each_branch_of_a_trigger_rule(text: str, rule: str, nlp: Language) -> None:
    assert rule in [c[3] for c in _coded(text, nlp)]


@pytest.mark.parametrize(
    ("text", "barred"),
    [
        # control of what is no place
        ("Rebels wrested control over the company on Monday.", {"COERCE"}),
        # an intention of one's own is no threat
        ("The minister vowed to continue reforms.", {"THREATEN"}),
        # arms moved about, and people sent, are no arms given
        ("Germany moved 14 tanks across the border.", {"AID"}),
        ("Germany will send 14 doctors to Ukraine.", {"AID"}),
        # a strike on a day, or by dockers, is a labour strike
        ("A strike on Monday closed the ports.", {"ASSAULT"}),
        ("A strike by dockers closed the ports.", {"ASSAULT"}),
        # force, not words: gunmen, a place that is no speech setting, a rifle
        ("Gunmen attacked Smith in Kabul on Monday.", {"ACCUSE"}),
        ("Rebels attacked the governor in a village.", {"ACCUSE"}),
        ("He attacked Clinton with a rifle.", {"ACCUSE"}),
        # a condition fought, and the pair that says nothing
        ("The government will fight against corruption.", {"ASSAULT"}),
        ("The army neither confirmed nor denied the report.", {"REJECT"}),
        ("The army neither confirmed the report nor denied it.", {"REJECT"}),
        # what a discontinuation ends is no event of its own, a compound noun either
        ("Russia suspended the grain deal on Monday.", {"AGREE"}),
        ("The government suspended aid deliveries to the region.", {"AID"}),
        # breaking without "off" ends nothing
        ("Russia broke the agreement with Ukraine.", {"SANCTION"}),
        # a system that is no weapon, and arms sent to no one
        ("Germany sent a new system to Ukraine.", {"AID"}),
        ("Germany sent 14 tanks across the border.", {"AID"}),
        # "nor" alone says nothing either way
        ("The ministry would not confirm nor deny the report.", {"REJECT"}),
        # what strikes something is no labour strike
        ("A missile struck the port.", {"PROTEST"}),
        ("The port was struck by a missile.", {"PROTEST"}),
        ("Teachers struck the headmaster.", {"PROTEST"}),
    ],
)
def test_each_branch_that_turns_a_trigger_away(text: str, barred: set[str], nlp: Language) -> None:
    assert barred.isdisjoint({c[1] for c in _coded(text, nlp)})
