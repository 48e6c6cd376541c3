"""Word sense (``extract/senses.py``): minimal pairs written for these tests, one
sentence where the trigger is a disaster, crime, match or cyber attack and one
where the same words make a political event."""

import pytest
from spacy.language import Language

from newsevents import analyze, article_from_text
from newsevents.extract.senses import _has_score


def _types(text: str, nlp: Language) -> set[str]:
    return {ev.type for ev in analyze(article_from_text(text, published="2025-03-13"), nlp).events}


@pytest.mark.parametrize(
    ("uncoded", "coded", "etype"),
    [
        # a named storm does it: its kind is the compound on its name
        (
            "Cyclone Idai destroyed thousands of houses in Beira.",
            "Rebels destroyed thousands of houses in Beira.",
            "ASSAULT",
        ),
        (
            "Typhoon Haiyan killed more than 6,000 people in the Philippines.",
            "Abu Sayyaf killed more than 60 people in the Philippines.",
            "ASSAULT",
        ),
        # a cyber attack, said on the noun of a light verb or by what it hits
        (
            "Hackers launched a cyber attack on the Estonian defence ministry.",
            "Gunmen launched an attack on the Estonian defence ministry.",
            "ASSAULT",
        ),
        (
            "Hackers launched an online attack on the Estonian defence ministry.",
            "Russia launched a missile attack on the Estonian defence ministry.",
            "ASSAULT",
        ),
        (
            "Hackers launched a DDoS attack on the Estonian defence ministry.",
            "Rebels launched a mortar attack on the Estonian defence ministry.",
            "ASSAULT",
        ),
        (
            "Hackers carried out a hacking attack on the Estonian defence ministry.",
            "Rebels carried out a rocket attack on the Estonian defence ministry.",
            "ASSAULT",
        ),
        (
            "Hackers launched an attack on the website of the Estonian defence ministry.",
            "Gunmen launched an attack on the office of the Estonian defence ministry.",
            "ASSAULT",
        ),
        (
            "Hackers attacked the servers of the Estonian defence ministry.",
            "Gunmen attacked the guards of the Estonian defence ministry.",
            "ASSAULT",
        ),
        # a match score, with the dash split off or an en dash, or a result noun
        (
            "Chelsea beat Arsenal 2 - 0 on Sunday.",
            "Police beat 12 - 15 protesters on Sunday.",
            "ASSAULT",
        ),
        (
            "In the final, Chelsea beat Arsenal 2-1",
            "In the square, police beat 15 protesters",
            "ASSAULT",
        ),
        (
            "Chelsea beat Arsenal in a 3–1 win on Sunday.",
            "Police beat protesters in a 3-hour crackdown on Sunday.",
            "ASSAULT",
        ),
        # an explosion with no weapon and no actor, told by the subject or the agent
        (
            "The blast killed five people in Kabul.",
            "A bomb blast killed five people in Kabul.",
            "ASSAULT",
        ),
        (
            "Ten people were killed by a gas explosion in Kabul.",
            "Ten people were killed by a car bomb explosion in Kabul.",
            "ASSAULT",
        ),
        (
            "The blast killed five people in Kabul.",
            "An explosive blast killed five people in Kabul.",
            "ASSAULT",
        ),
        (
            "The explosion of a gas tank killed five people in Kabul.",
            "The explosion of a car bomb killed five people in Kabul.",
            "ASSAULT",
        ),
        # a fire that burns is a disaster; fire that is shot or set is an act
        (
            "A huge fire has destroyed the supermarket in Banstead.",
            "Rebels set fire to the supermarket in Banstead.",
            "COERCE",
        ),
        (
            "A supermarket in Surrey has been destroyed in a fire.",
            "Hundreds of homes were looted and set on fire in Tuz Khurmatu.",
            "COERCE",
        ),
        (
            "The fire killed five civilians in Kharkiv.",
            "Artillery fire killed five civilians in Kharkiv.",
            "ASSAULT",
        ),
        (
            "The fire killed five civilians in Kharkiv.",
            "Soldiers opened fire on protesters in Nairobi.",
            "ASSAULT",
        ),
        (
            "A fire killed two soldiers near Kabul.",
            "Fire on the convoy killed two soldiers near Kabul.",
            "ASSAULT",
        ),
        (
            "The school was destroyed in a fire.",
            "The school was destroyed in a fire set by rebels.",
            "ASSAULT",
        ),
        # taking what is no thing: attention, seats, a market share
        (
            "She captured the imagination of a generation of men and women.",
            "Russian troops captured Bakhmut.",
            "ASSAULT",
        ),
        (
            "The opposition captured 40 seats in the election.",
            "Rebels seized the airport in Goma.",
            "COERCE",
        ),
        # ordinary crime unless a political party takes part (a country, the army)
        (
            "Police arrested three drug smugglers on Sunday.",
            "Mexico arrested three drug smugglers on Sunday.",
            "COERCE",
        ),
        # a crowd punishing a suspected thief is mob violence, whatever the crime
        (
            "A man beat a suspected thief to death in Kano.",
            "Angry crowds beat a suspected thief to death in Kano.",
            "ASSAULT",
        ),
        # measures against a disaster told the sentence before are no coercion
        (
            "A cyclone hit the coast on Sunday. The government ordered the army to evacuate residents.",
            "Rebels hit the coast on Sunday. The government ordered the army to evacuate residents.",
            "REQUEST",
        ),
        # what a participle's clause says did it: an accident, or someone
        (
            "Two buses collided near Kano, killing 30 passengers.",
            "Gunmen stormed a market near Kano, killing 30 traders.",
            "ASSAULT",
        ),
        (
            "A fire broke out at a textile mill in Karachi, killing 16 workers.",
            "Militants opened fire at a textile mill in Karachi, killing 16 workers.",
            "ASSAULT",
        ),
        # where an explosion happened is not what exploded
        (
            "A gas explosion at a coal mine killed 12 miners in Balochistan.",
            "The explosion of a roadside mine killed 12 soldiers in Balochistan.",
            "ASSAULT",
        ),
        # an arrest for an ordinary crime, and for a political act
        (
            "A man was arrested for stabbing his landlord in Mombasa.",
            "Police arrested 30 students for protesting in Mombasa.",
            "COERCE",
        ),
        (
            "Police detained four men for robbery in Kisumu.",
            "Police detained four opposition activists in Kisumu.",
            "COERCE",
        ),
        # what the one held is suspected of, wanted for, or held over
        (
            "Police arrested a man suspected of killing his neighbour in Kisii.",
            "Police arrested a man suspected of killing a soldier in Kisii.",
            "COERCE",
        ),
        (
            "A man suspected of stabbing a trader was arrested in Kisii.",
            "A man suspected of spying for Russia was arrested in Kisii.",
            "COERCE",
        ),
        (
            "Police detained a man wanted for robbery in Kisii.",
            "Police detained a man wanted for treason in Kisii.",
            "COERCE",
        ),
        (  # the one held is of politics, whatever the charge
            "Police arrested two men over the killing of a shopkeeper in Kisii.",
            "Police arrested the opposition leader over the killing of a policeman.",
            "COERCE",
        ),
        (
            "Police arrested a man for robbery in Kisii.",
            "Police arrested an opposition activist for robbery in Kisii.",
            "COERCE",
        ),
        # border enforcement, and the same force holding a political party
        (
            "Hungarian border police detained 60 people near the Serbian frontier.",
            "Hungarian border police detained 3 opposition activists near the Serbian frontier.",
            "COERCE",
        ),
        (
            "Police in Tunisia arrested 45 migrants trying to cross to Lampedusa.",
            "Police in Tunisia arrested 45 protesters trying to march to parliament.",
            "COERCE",
        ),
        (  # the border force named as the agent of a passive
            "Sixty people were detained by border police near the Serbian frontier.",
            "Sixty people were detained by riot police near the parliament.",
            "COERCE",
        ),
        (  # who tried to cross: migrants, or students
            "Police detained 40 migrants who tried to cross into Spain.",
            "Police detained 40 students who tried to cross into Spain.",
            "COERCE",
        ),
        # smuggled goods seized, and weapons seized from fighters
        (
            "The Mexican navy seized a submarine loaded with cocaine off the coast of Oaxaca.",
            "The Mexican navy seized a submarine loaded with rifles off the coast of Oaxaca.",
            "COERCE",
        ),
        # criminals against criminals, and criminals against the police
        (
            "A drug cartel clashed with a rival gang in Sonora.",
            "A drug cartel clashed with the army in Sonora.",
            "ASSAULT",
        ),
        # what a disaster made the authorities do, and what protests made them do
        (
            "The forest fire forced the authorities to close the highway.",
            "The riots forced the authorities to close the highway.",
            "COERCE",
        ),
        (
            "The forest fire destroyed 300 homes and forced the authorities to close the highway.",
            "The rebels destroyed 300 homes and forced the authorities to close the highway.",
            "COERCE",
        ),
        (
            "The government deployed 500 soldiers to help survivors of the landslide.",
            "The government deployed 500 soldiers to fight the rebels in the north.",
            "MOBILIZE",
        ),
        (
            "The Red Cross appealed for blankets for the victims of the blizzard.",
            "The Red Cross appealed for the release of the hostages held by the rebels.",
            "REQUEST",
        ),
        # a blaze at a place that kills, and shooting at one
        (
            "A fire at a garment factory in Karachi killed 30 workers.",
            "Artillery fire at a garment factory in Karachi killed 30 workers.",
            "ASSAULT",
        ),
        (
            "The investigators examined the blaze that killed 30 workers in Karachi.",
            "The investigators examined the raid that killed 30 workers in Karachi.",
            "ASSAULT",
        ),
        # police work after a disaster, and a political arrest
        (
            "Police arrested the owner of the mine after the landslide killed 20 miners.",
            "Police arrested the leader of the union after the strike.",
            "COERCE",
        ),
        (
            "Police opened an inquiry into the bus crash in Cusco.",
            "The opposition accused the government of lying about the bus crash in Cusco.",
            "ACCUSE",
        ),
        # a hate crime under inquiry, and war crimes
        (
            "Detectives are treating the beating of a man by two strangers as a hate crime.",
            "The UN accused the army of war crimes in Darfur.",
            "ACCUSE",
        ),
        (
            "Prosecutors are investigating hate crimes committed in the village.",
            "Prosecutors are investigating war crimes committed in the village.",
            "ACCUSE",
        ),
        # the held are named in the passive, the guards in its "by"
        (
            "Thirty-four migrants were detained by Polish border guards near the frontier.",
            "Thirty-four activists were detained by Polish border guards near the frontier.",
            "COERCE",
        ),
        # a plural the tagger read as a name at the start of the sentence
        (
            "Hailstones the size of golf balls pounded the town.",
            "Gunmen pounded the town.",
            "ASSAULT",
        ),
        # an animal's attack, an epidemic's toll and the measures against it
        (
            "A crocodile attack killed a fisherman on the Zambezi.",
            "A militia attack killed a fisherman on the Zambezi.",
            "ASSAULT",
        ),
        (
            "An elephant attacked two farmers near the park.",
            "Poachers attacked two rangers near the park.",
            "ASSAULT",
        ),
        (
            "Cholera has killed 40 people in the camps.",
            "Militiamen have killed 40 people in the camps.",
            "ASSAULT",
        ),
        (
            "The ministry banned weddings to slow the spread of the coronavirus.",
            "The ministry banned the opposition newspaper after its report on the army.",
            "COERCE",
        ),
        # what a burning or a storm did, and what an army did
        (
            "Flames destroyed 60 houses in the camp, officials said.",
            "Soldiers destroyed 60 houses in the camp, officials said.",
            "ASSAULT",
        ),
        (
            "A fuel truck overturned and caught fire, killing 35 people.",
            "Gunmen stopped the bus and opened fire, killing 35 people.",
            "ASSAULT",
        ),
        # what exploded: no weapon (an accident), and a bomb
        (
            "A tanker truck exploded on the highway, setting fire to nearby homes.",
            "A car bomb exploded on the highway, setting fire to nearby homes.",
            "COERCE",
        ),
        # a vehicle falling is an accident; a helicopter hit by fire is not
        (
            "A bus fell into a gorge near the town, killing 25 passengers.",
            "A helicopter fell after rebels hit it with a missile, killing 25 soldiers.",
            "ASSAULT",
        ),
        # the second verb of a disaster's sentence is the disaster's
        (
            "Flash floods swept away a bridge and destroyed dozens of houses in the valley.",
            "Soldiers blew up a bridge and destroyed dozens of houses in the valley.",
            "ASSAULT",
        ),
        # one man and his own family, and a band of gunmen and someone's family
        (
            "A man stabbed his wife to death in their flat in the capital.",
            "Gunmen killed his wife and two children in an attack on the village.",
            "ASSAULT",
        ),
        # gang members held are crime; opposition members held are not
        (
            "Police arrested two members of the Sinaloa cartel in the port.",
            "Police arrested two members of the opposition party in the port.",
            "COERCE",
        ),
        # harm done to oneself, and to others
        (
            "A former police officer shot himself in the parking lot of a hospital.",
            "A former police officer shot two protesters in the parking lot of a hospital.",
            "ASSAULT",
        ),
        # a share of the vote or a loan received, and a visitor
        (
            "The party received 40 percent of the vote in the capital.",
            "The president received the Chinese foreign minister in the capital.",
            "CONSULT",
        ),
        (
            "The carmaker will receive bridge loans from the government of Canada.",
            "The president will receive the Canadian prime minister in the capital.",
            "CONSULT",
        ),
        # what a programme allows, and what a government allowed
        (
            "The program allows foreign investors to gain residence in the country.",
            "The government allowed foreign journalists to enter the country.",
            "CONCEDE",
        ),
        # fired from a job, and fired at
        (
            "The bank said it had fired thousands of employees over the scandal.",
            "The police said they had fired tear gas and pepper spray at the crowd.",
            "ASSAULT",
        ),
        (
            "Some 5,300 employees were fired for their involvement in the scheme.",
            "Some 50 rockets were fired at the town during the night.",
            "ASSAULT",
        ),
        (
            "The president fired the army chief of staff on Tuesday.",
            "The army fired dozens of rockets towards the border town on Tuesday.",
            "ASSAULT",
        ),
        # relief after a disaster, and aid in a war
        (
            "The UN pledged $5 million in emergency aid after the cyclone hit the coast.",
            "The United States pledged $5 million in military aid to the Ukrainian army.",
            "AGREE",
        ),
        # companies against companies, and a government against a company
        (
            "Apple Inc. sued Samsung Electronics over the patents.",
            "The European Commission sued Samsung Electronics over the patents.",
            "ACCUSE",
        ),
        # a market figure, and armed men, attacking
        (
            "Oil prices attacked the $100 mark on Monday.",
            "Armed men attacked the stock exchange building on Monday.",
            "ASSAULT",
        ),
        # national teams winning, and armies
        (
            "India beat Pakistan by six wickets in Dubai on Sunday.",
            "Ukraine beat back a Russian assault near Bakhmut on Sunday.",
            "ASSAULT",
        ),
        # banned from a competition, and from a country
        (
            "Russia was banned from the Olympics over doping.",
            "The journalist was banned from Russia over his reporting.",
            "COERCE",
        ),
        # a show hosted, and a summit
        (
            "The candidate hosted a rally in Orlando on Friday.",
            "Qatar hosted a summit of Gulf leaders in Doha on Friday.",
            "CONSULT",
        ),
        # voters mobilized, and reservists
        (
            "The party mobilized thousands of voters in Florida.",
            "The army mobilized thousands of reservists in Florida.",
            "MOBILIZE",
        ),
        # a charge of fraud, and of treason
        (
            "Prosecutors charged two bankers with embezzling pension funds.",
            "Prosecutors charged two opposition politicians with treason.",
            "ACCUSE",
        ),
        # a headquarters or a camp set up by a company or refugees, and by rebels
        (
            "The company set up its headquarters in the town.",
            "The rebels set up their headquarters in the town.",
            "MOBILIZE",
        ),
        (
            "Refugees established a camp near the border.",
            "The militants established a camp near the border.",
            "MOBILIZE",
        ),
        # a base set up by a country
        (
            "The bank set up a base in Tartus.",
            "Russia set up a base in Tartus.",
            "MOBILIZE",
        ),
        # a journey to the polls, and to a country
        (
            "Voters travelled to the polls in Kenya on Tuesday.",
            "The envoy travelled to Kenya on Tuesday.",
            "CONSULT",
        ),
        # a show held, and talks held
        (
            "The governor held a fundraiser in Nairobi.",
            "The governor held talks in Nairobi.",
            "CONSULT",
        ),
        (  # a show held with a guest is still a show
            "The governor held a rally with the envoy in Nairobi.",
            "The governor held talks with the envoy in Nairobi.",
            "CONSULT",
        ),
        (
            "The president hosted a dinner in honour of the visiting Chinese premier.",
            "The president hosted the visiting Chinese premier.",
            "CONSULT",
        ),
        # arriving at the polls is voting, at a palace a visit
        (
            "Voters arrived at the polls early.",
            "The envoy arrived at the palace early.",
            "CONSULT",
        ),
        # the attack is on a website or on a building, with its day said
        (
            "The ministry website was attacked on Monday.",
            "The ministry building was attacked on Monday.",
            "ASSAULT",
        ),
        (
            "Hackers launched an attack on the ministry website.",
            "Rebels launched an attack on the ministry building.",
            "ASSAULT",
        ),
        (
            "Hackers launched an attack against the ministry website.",
            "Rebels launched an attack against the ministry building.",
            "ASSAULT",
        ),
        (
            "Hackers launched a hacking attack on the ministry.",
            "Rebels launched a rocket attack on the ministry.",
            "ASSAULT",
        ),
        (
            "They launched a hacker attack on the ministry.",
            "They launched a mortar attack on the ministry.",
            "ASSAULT",
        ),
        # a cyber attack launched, and an attack
        (
            "Hackers launched a cyber attack on the ministry.",
            "Rebels launched an attack on the ministry.",
            "ASSAULT",
        ),
        # what is attacked is digital, or a building
        (
            "The group attacked the government websites.",
            "The group attacked the government offices.",
            "ASSAULT",
        ),
        (
            "The group attacked the ministry servers and its network.",
            "The group attacked the ministry guards and its offices.",
            "ASSAULT",
        ),
        # harm to one's own kin, and to an official
        (
            "A man stabbed his wife in Nairobi.",
            "A man stabbed the mayor in Nairobi.",
            "ASSAULT",
        ),
        (  # the same said in the passive: the kin is the subject, the doer the agent
            "His wife was stabbed by a man in Nairobi.",
            "The mayor was stabbed by a man in Nairobi.",
            "ASSAULT",
        ),
        (  # a band is no one's family, whoever its victim is
            "A woman stabbed her husband in Nairobi.",
            "Gunmen stabbed her husband in Nairobi.",
            "ASSAULT",
        ),
        (
            "The father shot dead their two children at home.",
            "Kurds shot dead their two children at home.",
            "ASSAULT",
        ),
        (
            "A man stabbed his wife in Nairobi.",
            "They stabbed his wife in Nairobi.",
            "ASSAULT",
        ),
        (  # kin of someone else, and someone of one's own who is no kin
            "A man stabbed his wife in Nairobi.",
            "A man stabbed the mayor's wife in Nairobi.",
            "ASSAULT",
        ),
        (
            "A man shot his brother at the base.",
            "A man shot his commander at the base.",
            "ASSAULT",
        ),
        # a number fired is people dismissed, unless it is aimed at someone ("on
        # Tuesday", "at 9 a.m." say when, not at whom)
        (
            "The company fired 40 on Tuesday.",
            "Troops fired 40 at the protesters on Tuesday.",
            "ASSAULT",
        ),
        (
            "The company fired 40 at 9 a.m. on Tuesday.",
            "Troops fired 40 on the protesters.",
            "ASSAULT",
        ),
        # a journey that ends nowhere, and one with a purpose or a destination
        (
            "The envoy travelled on Monday.",
            "The envoy travelled to meet the president.",
            "CONSULT",
        ),
        (
            "The envoy travelled on Monday.",
            "The envoy travelled there on Monday.",
            "CONSULT",
        ),
        (
            "The envoy travelled on Monday.",
            "The envoy travelled because the president asked.",
            "CONSULT",
        ),
        (
            "The envoy travelled on Monday.",
            "The envoy travelled the region on Monday.",
            "CONSULT",
        ),
        (
            "The envoy arrived on Monday.",
            "The envoy arrived on Monday to meet the president.",
            "CONSULT",
        ),
        (
            "The envoy travelled on Monday.",
            "The envoy arrived in Nairobi on Monday.",
            "CONSULT",
        ),
        # relief sent after a disaster, said in the passive, and weapons sent
        (
            "Relief supplies were sent by Iran to the islanders after the cyclone.",
            "Weapons were sent by Iran to the rebels after the cyclone.",
            "AID",
        ),
        # relief pledged after a disaster, and money to an army
        (
            "The UN pledged $5 million in emergency aid after the cyclone.",
            "The UN pledged $5 million to the army after the cyclone.",
            "AGREE",
        ),
        # what is received is a thing, or a person, party, country or people
        (
            "The president received a letter from Hamas.",
            "The president received Hamas on Monday.",
            "CONSULT",
        ),
        (
            "The president received a letter from Angela Merkel.",
            "The president received Angela Merkel on Monday.",
            "CONSULT",
        ),
        (
            "The president received a letter from France.",
            "The president received France on Monday.",
            "CONSULT",
        ),
        (
            "The president received a letter from the Chinese.",
            "The president received the Chinese on Monday.",
            "CONSULT",
        ),
        (
            "The pope received a donation from Ukraine's first lady.",
            "The pope received Ukraine's first lady on Monday.",
            "CONSULT",
        ),
        (  # ... also when it comes first, in a relative clause
            "The 95 percent the president received on Monday was a record.",
            "The envoy the president received on Monday brought a letter.",
            "CONSULT",
        ),
        # a share of the vote received, and an envoy
        (
            "The party received 40 percent of the vote.",
            "The president received the Chinese envoy.",
            "CONSULT",
        ),
    ],
)
def test_minimal_pairs(uncoded: str, coded: str, etype: str, nlp: Language) -> None:
    assert etype not in _types(uncoded, nlp)
    assert etype in _types(coded, nlp)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels released them on Sunday.",
        "The rebels released Ahmed on Sunday.",
        "The rebels released the detainees on Sunday.",
        "The hostages were released by the rebels on Sunday.",
    ],
)
def test_a_release_of_people_named_by_pronoun_or_name_is_a_release(
    text: str, nlp: Language
) -> None:
    assert "RETREAT" in _types(text, nlp)


def test_illness_named_on_the_attack_noun_is_no_attack(nlp: Language) -> None:
    assert "ASSAULT" not in _types("The player suffered a panic attack before the match.", nlp)
    assert "ASSAULT" not in _types("The minister died after an asthma attack on Sunday.", nlp)
    assert "ASSAULT" in _types("The minister died after a rebel attack on Sunday.", nlp)


def test_a_match_report_codes_no_attacks(nlp: Language) -> None:
    """Three sport words in the article make its attacks the game's, even in a
    sentence that names no sport."""
    report = (
        "Wladimir Klitschko defended his heavyweight crown by stopping Hasim Rahman.\n\n"
        "Rahman made ambitious attacks in the fourth, but a vicious two-handed assault "
        "sent him down.\n\nThe referee stopped the bout after a knockout."
    )
    assert not {"ASSAULT", "COERCE"} & _types(report, nlp)
    # the same sentence in a war report is an attack
    war = (
        "Russian forces shelled Kharkiv on Monday.\n\n"
        "Rebels made ambitious attacks in the north, and a vicious assault drove the army out.\n\n"
        "Talks in Geneva stalled."
    )
    assert "ASSAULT" in _types(war, nlp)


def test_capturing_pictures_is_no_seizure(nlp: Language) -> None:
    pictures = _types("An army drone captured footage of the flooding in Sindh.", nlp)
    assert not pictures & {"ASSAULT", "COERCE"}, pictures
    assert "ASSAULT" in _types("The army captured the town of Sehwan in Sindh.", nlp)
    assert "ASSAULT" in _types("A Russian drone struck an oil depot in Bryansk.", nlp)


@pytest.mark.parametrize(
    "text",
    [
        "Voters headed to the polls on Sunday.",
        "Voters headed to the booths on Sunday.",
        "Voters travelled to the ballot in the rain.",
        "Two days after voters went to the polls for the primary, the result was declared.",
    ],
)
def test_going_to_vote_is_no_visit(text: str, nlp: Language) -> None:
    assert "CONSULT" not in _types(text, nlp)


@pytest.mark.parametrize(
    "does",
    [
        "hit an oil depot", "struck an oil depot", "targeted an oil depot",
        "attacked an oil depot", "killed two guards", "destroyed an oil depot",
        "damaged an oil depot", "injured two guards", "wounded two guards",
        "exploded over an oil depot", "crashed into an oil depot", "slammed into an oil depot",
        "bombed an oil depot", "smashed into an oil depot", "ploughed into an oil depot",
        "blew up an oil depot", "set an oil depot on fire",
    ],
)  # fmt: skip
def test_a_drone_that_harms_is_an_attack(does: str, nlp: Language) -> None:
    assert "ASSAULT" in _types(f"A Russian drone {does} in Bryansk on Sunday.", nlp)


@pytest.mark.parametrize(
    "text",
    [
        "A Russian drone filmed an oil depot in Bryansk on Sunday.",
        "A Russian drone flew over an oil depot in Bryansk on Sunday.",
        "A Russian drone was spotted over Bryansk on Sunday.",
    ],
)
def test_a_drone_that_harms_no_one_is_no_attack(text: str, nlp: Language) -> None:
    assert "ASSAULT" not in _types(text, nlp)


def test_a_drone_named_as_the_weapon_is_an_attack(nlp: Language) -> None:
    # the drone is what hit, not the subject; and an attack drone launched
    assert "ASSAULT" in _types("An oil depot in Bryansk was hit by a Russian drone.", nlp)
    assert "ASSAULT" in _types("Russia launched attack drones at Kyiv overnight.", nlp)
    assert "ASSAULT" in _types("Attack drones were launched at Kyiv overnight.", nlp)


@pytest.mark.parametrize(
    ("sentence", "score"),
    [
        ("Chelsea beat Arsenal 2-0.", True),
        ("Chelsea won 2 - 0 on Sunday.", True),  # the tokenizer splits a spaced score
        ("Chelsea won 2 \u2013 0 on Sunday.", True),
        ("Chelsea won 10 - 12 on Sunday.", True),
        ("Chelsea won 2 - 0", True),  # at the very end of the text
        ("It was a 3-1 win for Chelsea.", True),
        ("They won 2 -", False),
        ("Chelsea won 100 - 0 on Sunday.", False),  # two small numbers only
        ("Chelsea won 2 - 100 on Sunday.", False),
        ("Police said 12-15 protesters were hurt.", False),  # a range of people
    ],
)
def test_a_match_score(sentence: str, score: bool, nlp: Language) -> None:
    assert _has_score(next(iter(nlp(sentence).sents))) is score


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested a man suspected of killing his neighbour in Kisii.",
        "Police arrested two men over the killing of a shopkeeper in Kisii.",
        "A man was arrested for stabbing his landlord in Mombasa.",
    ],
)
def test_the_crime_someone_is_held_for_is_no_attack(text: str, nlp: Language) -> None:
    assert _types(text, nlp) == set()
