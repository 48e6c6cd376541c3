"""Quotes on sentences written for these tests: cues before and after, kinds, malformed marks."""

import pytest
from spacy.language import Language

from newsevents import Analysis, analyze, article_from_text
from newsevents.extract.quotes import _content_of, _subject_beside, _title, quoted_spans


def quotes(text: str, nlp: Language) -> list[tuple[str | None, str, str, str | None]]:
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    names = {e.id: e.name for e in result.entities}
    return [(names.get(q.speaker or ""), q.kind, q.text, q.cue) for q in result.quotes]


def test_direct_quote_with_pronoun_speaker(nlp: Language) -> None:
    found = quotes(
        "Kenyan President William Ruto met aid agencies on Monday. "
        "\u201cWe will not abandon the refugees,\u201d he said.",
        nlp,
    )
    assert ("William Ruto", "direct", "We will not abandon the refugees", "said") in found


def test_partial_quote_takes_the_nearest_cue_before(nlp: Language) -> None:
    found = quotes(
        'Dutch Foreign Minister Caspar Veldkamp warned that the talks were "on a knife '
        'edge," a view that the German government later says it shares.',
        nlp,
    )
    assert ("Caspar Veldkamp", "partial", "on a knife edge", "warned") in found


def test_colon_introduces_direct_speech(nlp: Language) -> None:
    found = quotes(
        'Chilean President Gabriel Boric said: "Our navy will patrol the whole coast from '
        'tomorrow morning onwards."',
        nlp,
    )
    assert any(s == "Gabriel Boric" and k == "direct" for s, k, _, _ in found), found


def test_indirect_speech(nlp: Language) -> None:
    found = quotes("The Egyptian foreign ministry said that the border crossing would reopen.", nlp)
    assert any(k == "indirect" and t == "the border crossing would reopen" for _, k, t, _ in found)


def test_multi_paragraph_quote_runs_on_only_when_reopened() -> None:
    text = '"The first part goes on\n\n"and the second part ends here," she said.'
    assert [text[s:e] for s, e in quoted_spans(text)] == [
        "The first part goes on",
        "and the second part ends here,",
    ]


def test_every_paragraph_of_a_long_quote_has_the_speaker(nlp: Language) -> None:
    found = quotes(
        "Aid chief warns of famine in Gaza\n\n"
        '"The situation is catastrophic," said Philippe Lazzarini, the head of UNRWA. '
        '"Children are dying of hunger.\n\n"We need the crossings open now."',
        nlp,
    )
    assert [(s, t) for s, _, t, _ in found] == [
        ("Philippe Lazzarini", "The situation is catastrophic"),
        ("Philippe Lazzarini", "Children are dying of hunger"),
        ("Philippe Lazzarini", "We need the crossings open now"),
    ]


def test_unbalanced_quote_never_swallows_the_article() -> None:
    text = 'He said "this never closes.\n\nA new paragraph with "a real quote" inside.'
    spans = quoted_spans(text)
    assert [text[s:e] for s, e in spans] == ["a real quote"]


def test_apostrophes_and_inch_marks_are_not_quotes() -> None:
    text = "The rebels' base lies 5\" from the map's edge, officials said."
    assert quoted_spans(text) == []


def test_reference_quotes_stay_inside_their_marks(reference: Analysis) -> None:
    text = reference.article.text
    assert reference.quotes
    for q in reference.quotes:
        assert text[q.span[0] : q.span[1]] == q.text
        if q.kind != "indirect":
            assert '"' not in q.text and "\u201d" not in q.text


def test_nested_single_quotes_stay_inside_the_outer_quote() -> None:
    text = "The mayor said: \"They shouted 'leave now' and opened fire.\" Then he left."
    assert [text[s:e] for s, e in quoted_spans(text)] == [
        "They shouted 'leave now' and opened fire."
    ]


def test_curly_quote_left_open_at_the_end_is_dropped() -> None:
    text = "Officials said the vote was \u201cfinal. Nobody expects a recount."
    assert quoted_spans(text) == []


def test_speaker_in_apposition_is_the_person(nlp: Language) -> None:
    found = quotes(
        "Pakistan's foreign minister, Ishaq Dar, said Islamabad would not attend the summit.",
        nlp,
    )
    assert found and found[0][0] == "Ishaq Dar", found


def _attributions(nlp: Language, text: str) -> list[tuple[str, str | None, str]]:
    analysis = analyze(article_from_text(text, published="2025-03-04"), nlp)
    return [(q.kind, q.speaker_text, q.text) for q in analysis.quotes]


def test_according_to_attributes_the_rest_of_the_sentence(nlp: Language) -> None:
    found = _attributions(
        nlp, "According to the Syrian Observatory, 41 civilians were killed in the shelling."
    )
    assert ("indirect", "Syrian Observatory", "41 civilians were killed in the shelling") in found
    after = _attributions(
        nlp, "The army has retaken most of Khartoum, according to a military spokesman."
    )
    assert after == [("indirect", "military spokesman", "The army has retaken most of Khartoum")]


def test_beliefs_intentions_and_denials_have_their_kind(nlp: Language) -> None:
    found = _attributions(
        nlp,
        "Senior Democrats believe the bill will pass. The governor wants to raise the "
        "minimum wage. The minister denied the allegations.",
    )
    kinds = {(k, s) for k, s, _ in found}
    assert ("belief", "Senior Democrats") in kinds
    assert ("intention", "governor") in kinds
    assert ("denial", "minister") in kinds
    texts = {t for _, _, t in found}
    assert "the bill will pass" in texts and "to raise the minimum wage" in texts


def test_no_source_no_attribution(nlp: Language) -> None:
    # a cue with no subject to name gives nothing rather than a guess
    assert _attributions(nlp, "It is believed that the talks will resume in May.") == []


def test_words_quoted_inside_a_reported_clause_are_its_sources(nlp: Language) -> None:
    found = _attributions(
        nlp, 'Former President Bill Clinton described the health law as a "crazy system".'
    )
    assert ("partial", "Former President Bill Clinton", "crazy system") in found


def test_a_name_signing_a_quote_is_its_speaker(nlp: Language) -> None:
    text = (
        "We asked voters in Ohio what they made of the debate.\n"
        "\u201cThe candidates talked past each other all night.\u201d\u00a0\u2015 Maria Gonzalez\n"
        "\u201dI still do not know who will fix the roads.\u201d \u2014 Tom Becker.\n"
        "\u201cNeither of them spoke about farms.\u201d"
    )
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    by_text = {q.text: q for q in result.quotes}
    signed = by_text["The candidates talked past each other all night"]
    assert signed.speaker_text == "Maria Gonzalez" and signed.kind == "direct"
    # a closing mark typed at the start of a line opens the quote
    reversed_mark = by_text["I still do not know who will fix the roads"]
    assert reversed_mark.speaker_text == "Tom Becker"
    # an unsigned quote gets no speaker from its neighbours' signatures
    assert by_text["Neither of them spoke about farms"].speaker_text is None


def test_a_quoted_word_is_never_the_speaker_nor_a_possessor(nlp: Language) -> None:
    text = (
        "Senator Jane Whitfield lost the primary. \u201cMy reaction, that was outrageous,\u201d "
        "Whitfield's former campaign manager said in an interview on Tuesday."
    )
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    (quote,) = result.quotes
    assert quote.speaker_text is not None and "manager" in quote.speaker_text
    assert "reaction" not in quote.speaker_text
    names = {e.id: e.name for e in result.entities}
    assert "Whitfield" not in names.get(quote.speaker or "", "")  # her manager, not her


def test_the_speaker_beside_a_cue_is_looked_for_outside_the_marks(nlp: Language) -> None:
    """When the parse makes a quoted word the cue's subject, the speaker is the
    nearest noun outside the marks before the cue, else after it."""
    from newsevents.extract.quotes import _subject_beside

    for text, speaker in (
        ("\u201cMy view, that was a disgrace,\u201d her former strategist said on Monday.",
         "strategist"),
        ("\u201cMy view, that was a disgrace,\u201d said the former strategist on Monday.",
         "strategist"),
        ("\u201cMy view, that was a disgrace,\u201d Rep. Jane Doe (D-Md.) said on Monday.",
         "Doe"),
    ):  # fmt: skip
        doc = nlp(text)
        cue = next(t for t in doc if t.lower_ == "said")
        marks = quoted_spans(text)
        found = _subject_beside(cue, marks)
        assert found is not None and found.text == speaker, (text, found)


def test_casting_someone_as_the_quoted_words_attributes_them(nlp: Language) -> None:
    found = quotes(
        "The senator has been steadily pounding the governor as a \u201ccon artist\u201d all year.\n\n"
        "The plan was branded as \u201creckless\u201d by critics.",
        nlp,
    )
    by_text = {text: (speaker_cue, kind) for _, kind, text, speaker_cue in found}
    assert by_text["con artist"] == ("pounding", "partial")
    # a passive names no source in the frame: no speaker is made up for the word
    assert "reckless" not in by_text or by_text["reckless"][0] is None


def test_a_reporting_clause_set_off_by_commas_reports_its_sentence(nlp: Language) -> None:
    found = quotes(
        "The new bridge, the mayor said, would cut commuting times by half. "
        "Turnout will be low this year, election officials say. "
        "The minister said nothing, and left the room.",
        nlp,
    )
    by_cue = {(cue, text): speaker for speaker, kind, text, cue in found if kind == "indirect"}
    texts = {text for _, text in by_cue}
    assert any(t.startswith("The new bridge") and t.endswith("by half") for t in texts)
    assert "Turnout will be low this year" in texts
    assert not any("nothing" in t for t in texts)  # "said nothing" reports no clause


def test_a_paraphrase_holding_a_few_quoted_words_is_reported_too(nlp: Language) -> None:
    found = quotes(
        "The mayor said the new bridge would cut commuting times by half and be "
        "\u201ca gift to the city\u201d when it opens next spring.\n\n"
        "The governor called the plan \u201ca disaster\u201d.",
        nlp,
    )
    kinds = {(kind, text) for _, kind, text, _ in found}
    assert ("partial", "a gift to the city") in kinds
    assert any(k == "indirect" and "commuting times" in t for k, t in kinds)
    # the quoted words are the whole content: no second record for them
    assert not any(k == "indirect" and "disaster" in t for k, t in kinds)


def test_every_speaker_has_the_span_where_it_is_named(nlp: Language) -> None:
    text = (
        "Kenyan President William Ruto met aid agencies on Monday. "
        "\u201cWe will not abandon the refugees,\u201d he said. The minister of health, "
        "Susan Nakhumicha, said the clinics would reopen.\n\n"
        "\u201cThe roads are still closed.\u201d \u2015 Amina Odhiambo"
    )
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    spoken = [q for q in result.quotes if q.speaker_text is not None]
    assert len(spoken) == 3
    for q in spoken:
        assert q.speaker_span is not None
        assert result.article.text[slice(*q.speaker_span)] == q.speaker_text
    assert {q.speaker_text for q in spoken} >= {"he", "Amina Odhiambo"}


def test_a_judgement_reports_its_object_and_the_grounds(nlp: Language) -> None:
    found = quotes(
        "The union leader criticized the board for cutting pensions without a vote.", nlp
    )
    assert any(
        kind == "indirect" and text.startswith("the board for cutting pensions") and cue
        for _, kind, text, cue in found
    ), found


def test_reporting_nouns_attribute_their_clause_to_their_holder(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            "The senator's claim that the election was rigged drew criticism. "
            "In the governor's view, the plan would fail within a year. "
            "There were fears among residents that the dam would break. "
            "The claim that the moon is made of cheese is old.",
            published="2025-03-13",
        ),
        nlp,
    )
    got = {q.text: (q.speaker_text, q.kind, q.cue) for q in result.quotes}
    assert got["the election was rigged"] == ("senator", "indirect", "claim")
    assert got["the plan would fail within a year"] == ("governor", "belief", "view")
    assert got["the dam would break"] == ("residents", "belief", "fears")
    assert not any("cheese" in text for text in got)  # nobody's claim: no attribution


def test_titles_in_quotation_marks_are_not_quotes(nlp: Language) -> None:
    found = quotes(
        "The campaign released a 30-second spot, titled \u201cHard Work,\u201d on Monday. "
        "He became famous as the host of \u201cThe Morning Show\u201d on NBC.\n\n"
        "\u201cWe will win this,\u201d the governor said.",
        nlp,
    )
    texts = [text for _, _, text, _ in found]
    assert texts == ["We will win this"], found


def test_quotes_typed_with_two_apostrophes_or_backquotes(nlp: Language) -> None:
    text = (
        "''We will not sign this,'' said Ukrainian Foreign Minister Andrii Sybiha. "
        "``The door stays open,'' he added. The parties' positions are far apart."
    )
    assert [text[s:e] for s, e in quoted_spans(text)] == [
        "We will not sign this,",
        "The door stays open,",
    ]
    found = quotes(text, nlp)
    assert ("Andrii Sybiha", "direct", "We will not sign this", "said") in found
    assert ("Andrii Sybiha", "direct", "The door stays open", "added") in found
    # no attribution is made from the words inside the marks ("We will not sign")
    assert all(q[2] != "this" for q in found)
    # a possessive before a quote mark, and one apostrophe, open nothing
    assert quoted_spans("The rebels'' base and the army's lines held.") == []


def test_a_verb_after_a_quote_with_a_clause_of_its_own_is_not_its_cue(nlp: Language) -> None:
    found = quotes(
        "On an episode of \u201cThe Steve Harvey Morning Show,\u201d Democratic nominee "
        "Hillary Clinton said she wanted to speak directly to white voters.",
        nlp,
    )
    # "said" reports its own clause: the show's title is no one's words
    assert [(who, text) for who, _, text, _ in found] == [
        ("Hillary Clinton", "she wanted to speak directly to white voters")
    ]
    # the quote going on after the reporting clause is not a clause of its own
    split = quotes(
        "\u201cBy locking in China,\u201d Chinese President Xi Jinping said, \u201cwe opened "
        "the door to India and Brazil.\u201d",
        nlp,
    )
    assert ("Xi Jinping", "By locking in China") in {(w, t) for w, _, t, _ in split}


def test_verbs_of_urging_introduce_quoted_words(nlp: Language) -> None:
    found = quotes(
        'Texas Senator Ted Cruz exhorted Republicans to "vote your conscience" and said '
        "he was standing on principle.",
        nlp,
    )
    assert ("Ted Cruz", "partial", "vote your conscience", "exhorted") in found


def test_a_gerund_cue_speaks_for_the_subject_of_its_verb(nlp: Language) -> None:
    found = quotes(
        "Former Vermont governor Howard Dean appeared on MSNBC on Tuesday and began by "
        "saying he would \u201cnever\u201d diagnose someone through television.",
        nlp,
    )
    assert ("Howard Dean", "partial", "never", "saying") in found


def test_according_to_ends_at_its_comma(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            "According to conservative talk radio host Rush Limbaugh, the move reeks of "
            "\u201cfear\u201d and desperation.",
            published="2016-09-26",
        ),
        nlp,
    )
    by_text = {q.text: q for q in result.quotes}
    assert by_text["fear"].speaker_text == "conservative talk radio host Rush Limbaugh"
    assert by_text["fear"].cue == "according to"
    content = by_text["the move reeks of \u201cfear\u201d and desperation"]
    assert content.speaker_text == "conservative talk radio host Rush Limbaugh"


def test_according_to_gives_its_source_a_quotation_that_runs_on(nlp: Language) -> None:
    found = quotes(
        "According to radio host Rush Limbaugh, \u201cIf it was left up to Hillary, she "
        "would not say anything positive. Because the criticism is that the moderators "
        "should not do this.\u201d",
        nlp,
    )
    assert any(
        who == "Rush Limbaugh" and text.startswith("If it was left") for who, _, text, _ in found
    )


def _speakers(text: str, nlp: Language) -> dict[str, str | None]:
    """Each attribution's content and who it is given to."""
    result = analyze(article_from_text(text, published="2025-03-13"), nlp)
    return {q.text: q.speaker_text for q in result.quotes}


def test_a_speaker_after_the_cue_is_the_speaker(nlp: Language) -> None:
    """Inverted order ('," added a farmer') and a clause the parser also made the
    verb's subject ('..., said Maria Lopez') give the noun after the cue."""
    found = _speakers(
        "\u201cThe harvest failed twice,\u201d added a farmer from the valley.\n\n"
        "Take away the bus line and the villages empty, said Maria Lopez, a council member.",
        nlp,
    )
    assert found["The harvest failed twice"] == "farmer from the valley"
    assert any(v is not None and v.startswith("Maria Lopez") for v in found.values()), found


def test_a_speaker_named_with_an_apposition_before_the_cue(nlp: Language) -> None:
    found = _speakers(
        "\u201cIt is not a crisis yet,\u201d Anna Berg, a former central bank adviser, "
        "said at a conference in Oslo.",
        nlp,
    )
    assert found["It is not a crisis yet"] == "Anna Berg, a former central bank adviser"


def test_a_gerund_cue_after_a_phrase_takes_the_sentence_subject(nlp: Language) -> None:
    found = _speakers(
        "The mayor seemed ready to joke about the storm in Leeds, telling the crowd, "
        "\u201cSome of you got a little wet, did you notice?\u201d",
        nlp,
    )
    assert found["Some of you got a little wet, did you notice?"] == "mayor"


def test_a_cue_ending_the_clause_before_a_quotation_introduces_it(nlp: Language) -> None:
    found = _speakers(
        'The economist Lena Park agreed. "Rates will stay high into the spring."\n\n'
        "The minister continued, \u201cWe will not raise taxes this year.\u201d\n\n"
        "He went to the market. \u201cIt was closed,\u201d a vendor said.",
        nlp,
    )
    assert found["Rates will stay high into the spring"] == "economist Lena Park"
    assert found["We will not raise taxes this year"] == "minister"
    assert found["It was closed"] == "vendor"


def test_confessions_and_documents_reading_are_cues(nlp: Language) -> None:
    found = _speakers(
        "\u201cThis is a big win for us,\u201d the coach confessed.\n\n"
        "\u201cWe tried to reach you by phone,\u201d the email reads.",
        nlp,
    )
    assert found["This is a big win for us"] == "coach"
    assert found["We tried to reach you by phone"] == "email"


def test_a_name_and_colon_label_a_quotation(nlp: Language) -> None:
    found = _speakers(
        "Polls and turnout.\n\nPollsters agree - Carl Bialik: \u201cKeep contacting voters "
        "as late as possible.\u201d",
        nlp,
    )
    assert found["Keep contacting voters as late as possible"] == "Carl Bialik"


def test_as_someone_put_it_attributes_the_quotation(nlp: Language) -> None:
    found = _speakers(
        'As the analyst Dana Reyes put it, "The senators are unmoved and the activists '
        'uninspired."',
        nlp,
    )
    assert found["The senators are unmoved and the activists uninspired"] in (
        "Dana Reyes",
        "analyst Dana Reyes",
    )
    # putting a thing somewhere reports nothing: the clerk's words stay the clerk's
    found = _speakers('He put it on the table. "It is over," the clerk said.', nlp)
    assert found["It is over"] == "clerk"


def test_a_reporting_clause_ending_a_paragraph_introduces_the_next(nlp: Language) -> None:
    found = _speakers(
        "A report on the port.\n\nThe Daily Courier confirmed the sale, reporting:\n\n"
        '"The port changed hands in three separate deals."',
        nlp,
    )
    assert found["The port changed hands in three separate deals"] == "Daily Courier"


def test_a_clause_misread_as_the_object_of_say_is_still_its_content(nlp: Language) -> None:
    found = _speakers(
        "Maria Costa, a pollster who advises the governor, said her focus groups and other "
        "research show that the tax plan is unpopular.",
        nlp,
    )
    assert any(
        text.startswith("her focus groups") and (who or "").startswith("Maria Costa")
        for text, who in found.items()
    ), found


def test_stances_and_what_a_poll_shows_are_attributed(nlp: Language) -> None:
    found = _speakers(
        "A new survey shows the mayor with a narrow lead. "
        "Most farmers in the valley oppose the new dam. "
        "The council approved a loan of 2 million euros for the port.",
        nlp,
    )
    assert (found.get("the mayor with a narrow lead") or "").endswith("survey"), found
    assert (found.get("the new dam") or "").startswith("Most farmers"), found
    assert not any("loan" in text for text in found)  # approving a loan is an act


def test_nicknames_titles_and_scare_quotes_are_not_attributions(nlp: Language) -> None:
    found = _speakers(
        'The idea came from the physicist George "Jay" Keyworth, who led a "launch team" '
        'of 1,500 staff. "We will finish by June," the director said.',
        nlp,
    )
    assert "Jay" not in found and "launch team" not in found
    assert found["We will finish by June"] == "director"


def test_questions_attribute_what_is_asked(nlp: Language) -> None:
    found = _speakers(
        "A reporter asked the minister how the talks were going. "
        "The mayor shook hands and asked voters if they planned to attend the rally.",
        nlp,
    )
    assert found.get("how the talks were going") == "reporter", found
    assert found.get("if they planned to attend the rally") == "mayor", found


def test_a_paragraph_that_is_only_a_quotation_continues_the_last_speaker(nlp: Language) -> None:
    found = _speakers(
        "A headline\n\n"
        "\u201cWe will stay until the last vote is counted,\u201d Ana Ruiz told reporters.\n\n"
        "\u201cNobody will push us out of this race.\u201d\n\n"
        "The governor promised that the count would be fair. "
        "\u201cEvery ballot will be read twice.\u201d",
        nlp,
    )
    assert found["Nobody will push us out of this race"] == "Ana Ruiz"
    assert found["Every ballot will be read twice"] == "governor"


def test_transcript_turns_are_their_speakers_words(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            "Interview with the governor\n\n"
            "BYLINE: Amber Phillips\n\n"
            "TAPPER: Do you think the candidate has campaigned as a healer?\n\n"
            "FALLIN: I think he is trying to campaign as a healer.\n\n"
            "TAPPER: And the protests?\n\n"
            "FALLIN: They were peaceful.\n\n"
            "UPDATE: The governor left the studio.\n\n"
            "KYIV: The parliament met on Monday.",
            published="2025-03-13",
        ),
        nlp,
    )
    turns = [(q.speaker_text, q.text) for q in result.quotes if q.kind == "direct"]
    assert ("TAPPER", "Do you think the candidate has campaigned as a healer?") in turns
    assert ("FALLIN", "I think he is trying to campaign as a healer.") in turns
    assert ("FALLIN", "They were peaceful.") in turns
    assert not {"UPDATE", "KYIV", "BYLINE"} & {who for who, _ in turns}


def test_seeing_and_it_is_hard_to_know_are_no_attributions(nlp: Language) -> None:
    found = _speakers(
        "The farmer went to see the senator speak in Ames. "
        "For investors, it is hard to know where the donors will put their money. "
        "Voters see the mayor as the likely winner.",
        nlp,
    )
    assert not any("senator speak" in t for t in found), found
    assert not any(t.startswith("where the donors") for t in found), found
    assert any(t.startswith("the mayor as") and who == "Voters" for t, who in found.items())


def test_efforts_and_implications_are_not_attributions(nlp: Language) -> None:
    found = _speakers(
        "The campaign is trying to avoid the label. The ruling means that the tax stays. "
        "The senator wants to raise the cap.",
        nlp,
    )
    assert not any(t.startswith(("to avoid", "the tax stays")) for t in found), found
    assert found.get("to raise the cap") == "senator", found


def test_a_headline_name_and_colon_is_its_speaker(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            "Okafor: the port deal will be signed before the summer.\n\n"
            "Nigeria's trade minister Ngozi Okafor spoke on Friday in Lagos about the port.",
            published="2025-03-13",
        ),
        nlp,
    )
    turns = {q.speaker_text: q.text for q in result.quotes if q.kind == "direct"}
    assert turns.get("Okafor") == "the port deal will be signed before the summer.", turns


def test_what_a_poll_found_and_whom_words_refer_to(nlp: Language) -> None:
    found = _speakers(
        "In the latest Courier poll, the mayor led her rival by six points. "
        "The senator has a big lead in the most recent polls. "
        "She lives in a house near the polls. "
        '"We need steady hands," the governor told the crowd, referring to the former mayor.',
        nlp,
    )
    assert (found.get("the mayor led her rival by six points") or "").endswith("Courier poll")
    assert any(t.startswith("The senator has a big lead") for t in found), found
    assert not any("lives in a house" in t for t in found), found
    assert found.get("the former mayor") == "governor", found


def test_she_and_he_skip_a_person_of_the_other_title(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            "Talks in Lagos\n\nMrs. Adeyemi met Mr. Okafor in Lagos on Monday. "
            '"We agree on most things," she said.',
            published="2025-03-13",
        ),
        nlp,
    )
    names = {e.id: e.name for e in result.entities}
    (quote,) = [q for q in result.quotes if q.text == "We agree on most things"]
    assert "Adeyemi" in names.get(quote.speaker or "", ""), (quote, names)


def test_views_nobody_holds_are_beliefs_without_a_speaker(nlp: Language) -> None:
    result = analyze(
        article_from_text(
            "Budget vote\n\nThe House is expected to pass the budget later this week. "
            "Analysts expect the bank to raise rates.",
            published="2025-03-13",
        ),
        nlp,
    )
    by_text = {q.text: q for q in result.quotes}
    held = by_text["The House is expected to pass the budget later this week"]
    assert held.kind == "belief" and held.speaker_text is None and held.cue == "expected"
    assert by_text["the bank to raise rates"].speaker_text == "Analysts"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister said that the border crossing would reopen on Monday.",
            ("indirect", "minister", "the border crossing would reopen on Monday"),
        ),
        (
            "The rebels want to seize the airport before the rains.",
            ("intention", "rebels", "to seize the airport before the rains"),
        ),
        (
            "The reporter asked the governor whether he planned to resign.",
            ("indirect", "reporter", "whether he planned to resign"),
        ),
        (  # the parser takes the clause's subject for an object of "said"
            "Officials said the two sides and their mediators agree on most points.",
            ("indirect", "Officials", "the two sides and their mediators agree on most points"),
        ),
        (
            "The opposition criticized the budget as a gift to the rich.",
            ("indirect", "opposition", "the budget as a gift to the rich"),
        ),
        (
            "The council blamed the mayor for the flooding of the old town.",
            ("indirect", "council", "the mayor for the flooding of the old town"),
        ),
        (
            "Critics attacked the minister over the failed reforms.",
            ("indirect", "Critics", "the minister over the failed reforms"),
        ),
        (
            "The latest poll shows Smith with a ten-point lead.",
            ("indirect", "latest poll", "Smith with a ten-point lead"),
        ),
        (
            "The union called for a national strike against the pension law.",
            ("indirect", "union", "a national strike against the pension law"),
        ),
        (
            "The lawyer referred to the earlier ruling on the case.",
            ("indirect", "lawyer", "the earlier ruling on the case"),
        ),
        (
            "Analysts view the deal as a win for Beijing.",
            ("belief", "Analysts", "the deal as a win for Beijing"),
        ),
    ],
)
def test_the_content_a_cue_reports_is_its_clause_or_its_object_and_grounds(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert _attributions(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The senator went to see the president speak in Ohio.",  # perception
        "The minister criticized them.",  # a pronoun and no grounds: nothing said
        "The president praised John Smith.",  # who, not what
        "Analysts view the results every morning.",  # viewing, not viewing as
    ],
)
def test_a_cue_with_no_content_attributes_nothing(nlp: Language, text: str) -> None:
    assert _attributions(nlp, text) == []


def _quoted(nlp: Language, text: str) -> list[tuple[str, str | None, str | None]]:
    analysis = analyze(article_from_text(text, published="2025-03-04"), nlp)
    return [(q.kind, q.speaker_text, q.cue) for q in analysis.quotes]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # the parser makes a quoted word the cue's subject: the speaker is the
        # nearest noun outside the marks, before the cue or after it
        ('"My reaction, that was outrageous," the strategist said.', "strategist", "said"),
        ('"Not now, and not ever," said the strategist.', "strategist", "said"),
        ('"The talks failed, sadly," the envoy told reporters.', "envoy", "told"),
        ('"The war is over, finally," Smith, speaking in Iowa, said.', "Smith", "said"),
        (
            '"That plan is dead, frankly," Gene Sperling, a top adviser, said.',
            "Gene Sperling, a top adviser",
            "said",
        ),
        (  # a parenthesis read backwards is skipped, and the name keeps it closed
            '"We will win this seat," Rep. Jane Doe (D-Md.) said on Tuesday.',
            "Rep. Jane Doe (D-Md.)",
            "said",
        ),
        (
            '"This fight, believe me, is not over," the spokeswoman for the ministry said.',
            "spokeswoman for the ministry",
            "said",
        ),
    ],
)
def test_the_speaker_beside_the_cue_when_the_parse_takes_a_quoted_subject(
    nlp: Language, text: str, speaker: str, cue: str
) -> None:
    (found,) = [q for q in _quoted(nlp, text) if q[0] == "direct"]
    assert found[1] == speaker
    assert found[2] == cue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Turnout will be low this year, experts in the region say.",
            ("indirect", "experts", "Turnout will be low this year"),
        ),
        (
            "The reform will fail, the minister has repeatedly said.",
            ("indirect", "minister", "The reform will fail"),
        ),
        (  # set off in the middle: the sentence around it is the content
            "The economy, analysts believe, will recover by next spring.",
            (
                "belief",
                "analysts",
                "The economy, analysts believe, will recover by next spring",
            ),
        ),
        (  # a speaker's "and" that leads to a second party is not part of the name
            "The new law will hurt small farmers badly, the senator from the state of "
            "Iowa and his two closest advisers said.",
            (
                "indirect",
                "senator from the state of Iowa",
                "The new law will hurt small farmers badly",
            ),
        ),
    ],
)
def test_a_reporting_clause_set_off_reports_the_rest_of_its_sentence(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert _attributions(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Turnout, experts say.",  # no clause around it
        "He said nothing.",
        "Turnout was low on the day that the elders of the three northern villages and "
        "their many supporters from the capital said.",  # a clause too long to be a cue's
    ],
)
def test_a_reporting_clause_with_no_clause_around_it_reports_nothing(
    nlp: Language, text: str
) -> None:
    assert _attributions(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "inner", "is_title"),
    [
        ('The report, titled "silent streets", was published.', "silent streets", True),
        ('A memo entitled "why we lose" leaked.', "why we lose", True),
        ('She starred in the hit show "The Apprentice" for years.', "The Apprentice", True),
        ('They filmed "The Lord of the Rings" in New Zealand.', "The Lord of the Rings", True),
        (
            'He named it "Operation Desert Storm of the North" at once.',
            "Operation Desert Storm of the North",
            True,
        ),
        (  # seven words: a sentence, not a title
            'He said "Operation Desert Storm of the Far North" at once.',
            "Operation Desert Storm of the Far North",
            False,
        ),
        ('She starred in "Apprentice" for years.', "Apprentice", False),  # one word
        ('The show "Who Wants It?" aired.', "Who Wants It?", False),
        ('The show "Stop It Now!" aired.', "Stop It Now!", False),
        ('He said the plan was "dead on arrival" today.', "dead on arrival", False),
        ('The slogan "Make America Great Again." was printed.', "Make America Great Again.", False),
        ('The group "of the People" met.', "of the People", False),
        ('"The Apprentice" returns tonight.', "The Apprentice", False),  # opens the line
        ('Intro.\n"The Apprentice" returns tonight.', "The Apprentice", False),
        ('A new series,\n"The Apprentice" returns.', "The Apprentice", False),
    ],
)
def test_a_quoted_title_is_named_by_its_cue_or_its_short_capitalised_words(
    text: str, inner: str, is_title: bool
) -> None:
    start = text.index(inner)
    assert _title(text, start, start + len(inner)) is is_title


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ('He said "yes" today.', ["yes"]),
        ("He said \u201cyes\u201d today.", ["yes"]),
        ("Il a dit \u00abnon\u00bb hier.", ["non"]),
        ('"Go," she said.', ["Go,"]),
        ('The label ("Top Secret") stayed.', ["Top Secret"]),
        ('Two words:"first" and -"second".', ["first", "second"]),
        ('A 6" pipe and a 9" one.', []),  # inch marks open before a space
        ('He said " spaced " words.', []),  # a mark before a space opens nothing
        ("``Typeset,'' he wrote, and ''typed'' too.", ["Typeset,", "typed"]),
        # a closing mark typed for an opening one at the start of a line
        ("Intro line.\n\u201dWe stay,\u201d he said.", ["We stay,"]),
        ("\u201dWe stay,\u201d he said.", ["We stay,"]),
        ("Intro \u201dnot at a line start\u201d here.", []),
        ("Intro.\n\u201d not before a word\u201d here.", []),
        ("Intro.\n\u201dnever closed on this line.", []),
        # a quote still open at its paragraph's end counts only when the next reopens it
        ('"First part.\n\n"Second part," he said.', ["First part.", "Second part,"]),
        ('"Never closed.\n\nPlain prose follows.', []),
        ('"' + "x" * 3001 + '" he said.', []),  # longer than any quote: a stray mark
        ('"' + "x" * 2999 + '" he said.', ["x" * 2999]),  # the longest accepted
        ("''" + "x" * 2998 + "'' he said.", ["x" * 2998]),
        ("''" + "x" * 2999 + "'' he said.", []),
    ],
)
def test_quoted_spans_pair_the_marks_a_news_text_uses(text: str, inside: list[str]) -> None:
    assert [text[s:e] for s, e in quoted_spans(text)] == inside


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a lead cue ends its clause with a full stop, a colon or a comma
            'Maria Bystrom agreed. "The reform will take years to show results in the north."',
            ("direct", "Maria Bystrom", "agreed"),
        ),
        (
            'The minister went on: "We will not give up a single village to the rebels."',
            ("direct", "minister", "went"),
        ),
        (  # a whole clause after a lead's comma is direct speech, not a fragment
            'The senator added later, "Nobody in this chamber wants a shutdown, believe me."',
            ("direct", "senator", "added"),
        ),
        (  # words quoted inside the speaker's own clause are a fragment
            'The minister called the plan "a gift to the rich" on Monday.',
            ("partial", "minister", "called"),
        ),
        (  # going somewhere is no going on
            'The minister went home. "We will not give up a single village to the rebels."',
            ("direct", None, None),
        ),
        (  # a person's name and a colon label the quotation
            'Pollsters agree - Carl Bialik: "The race is tighter than it looks in the polls."',
            ("direct", "Carl Bialik", None),
        ),
        (  # a place and a colon do not
            'It was quiet. Washington: "The race is tighter than it looks in the polls."',
            ("direct", None, None),
        ),
    ],
)
def test_a_lead_before_a_quotation_gives_its_speaker_and_kind(
    nlp: Language, text: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert _quoted(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will win this war," he said.', [("direct", "he", "said")]),
        ('He said: "We will win this war against the invaders."', [("direct", "He", "said")]),
        (  # the cue opens the next sentence, a short one
            '"We will win this war against the invaders." He said it twice.',
            [("direct", "He", "said")],
        ),
        (
            '"The army will protect the voters," Egyptian President Abdel Fattah el-Sisi said.',
            [("direct", "Egyptian President Abdel Fattah el-Sisi", "said")],
        ),
        (  # a verb after the quotation with a clause of its own reports that clause
            '"Are you ready for this?" The campaign says the ad will air tonight in Iowa.',
            [("direct", None, None), ("indirect", "campaign", "says")],
        ),
        (
            'The minister told reporters on Monday in the capital that "the talks are over."',
            [("partial", "minister", "told")],
        ),
        (
            '"We will win this war," the minister, who spoke in Paris after meeting the '
            "French president, said.",
            [("direct", "minister", "said")],
        ),
    ],
)
def test_the_cue_of_a_quotation_before_or_after_it(
    nlp: Language, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _quoted(nlp, text) == expected


def test_words_quoted_in_a_reported_clause_are_a_fragment_of_its_speaker(nlp: Language) -> None:
    found = _quoted(nlp, 'He said the plan was "dead on arrival" for the party.')
    assert ("partial", "He", "said") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is believed that the rebels hold the airport.", []),  # nobody's belief
        ("The rebels were said to hold the airport.", []),
        ("It is hard to know where the rebels are going.", []),
        (
            "Officials who said the airport had fallen were wrong.",
            [("indirect", "Officials", "the airport had fallen")],
        ),
        (
            "Fears among farmers that prices will fall are growing.",
            [("belief", "farmers", "prices will fall")],
        ),
        (
            "In the minister's view, the talks will fail by the summer.",
            [("belief", "minister", "the talks will fail by the summer")],
        ),
        ("The claim that the vote was rigged drew anger.", []),  # no one holds it
        (  # a later clause with its own cue is its own attribution
            "The minister said that the talks would fail, while the envoy said they would succeed.",
            [
                ("indirect", "minister", "the talks would fail"),
                ("indirect", "envoy", "they would succeed"),
            ],
        ),
    ],
)
def test_whose_attribution_a_cue_or_a_reporting_noun_is(
    nlp: Language, text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert _attributions(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # a hyphen inside a name is no boundary; the apposition is kept
            "Jean-Pierre Bemba, the opposition leader, said the vote was rigged.",
            "Jean-Pierre Bemba, the opposition leader",
        ),
        ('"We will never leave," Jean-Pierre Bemba said.', "Jean-Pierre Bemba"),
        ("U.S. Sen. John Smith said the vote was rigged.", "U.S. Sen. John Smith"),
        ("The rebels' spokesman said the town had fallen.", "rebels' spokesman"),
        (
            "Former U.S. Ambassador to the U.N. John Bolton said the deal was weak.",
            "Former U.S. Ambassador to the U.N. John Bolton",
        ),
    ],
)
def test_a_speaker_is_named_with_its_whole_name(nlp: Language, text: str, speaker: str) -> None:
    analysis = analyze(article_from_text(text, published="2025-03-04"), nlp)
    assert [q.speaker_text for q in analysis.quotes] == [speaker]


def test_transcript_labels_a_person_the_article_names_in_capitals_or_as_named(
    nlp: Language,
) -> None:
    text = (
        "Interview with Senator Ann Fallin of Oklahoma\n\n"
        "FALLIN: I think he is trying hard.\n\n"  # her surname, in capitals, once
        "Ann Fallin: We will see in the spring.\n\n"  # her name as written
        "Oklahoma City: The parliament met on Monday.\n\n"  # a place
        "SMITH: A lone label in capitals.\n\n"  # no one the article names
        "Note: The governor left the studio.\n\n"
        "FALLIN:"  # a label with nothing after it
    )
    analysis = analyze(article_from_text(text, published="2025-03-04"), nlp)
    assert [(q.speaker_text, q.text, q.kind) for q in analysis.quotes] == [
        ("FALLIN", "I think he is trying hard.", "direct"),
        ("Ann Fallin", "We will see in the spring.", "direct"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a view no one is said to hold is a belief without a speaker
            "Trump is expected to win the primary in Ohio.",
            [("belief", None, "Trump is expected to win the primary in Ohio")],
        ),
        (
            "It appears to be over for the rebels.",
            [("belief", None, "It appears to be over for the rebels")],
        ),
        (  # with a holder it is that holder's
            "Analysts expect the central bank to raise rates.",
            [("belief", "Analysts", "the central bank to raise rates")],
        ),
        ("Officials who seem confused about the rules met on Monday.", []),
        (  # what a poll found: the clause around "in the poll"
            "Clinton led Trump by six points in the latest Post poll.",
            [("indirect", "latest Post poll", "Clinton led Trump by six points")],
        ),
        (
            "Clinton holds a big lead in the polls.",
            [("indirect", "polls", "Clinton holds a big lead")],
        ),
        ("Sanders won in polls.", []),  # too short to be a finding
        (
            "According to the ministry, 41 civilians were killed in the shelling of the town.",
            [("indirect", "ministry", "41 civilians were killed in the shelling of the town")],
        ),
        (
            "41 civilians were killed in the shelling of the town, according to the ministry.",
            [("indirect", "ministry", "41 civilians were killed in the shelling of the town")],
        ),
    ],
)
def test_views_findings_and_according_to(
    nlp: Language, text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert _attributions(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "I" inside someone's quotation is that someone
            '"I think we will win the state," Trump said.',
            [("Trump", "I think we will win the state")],
        ),
        (  # a quotation with no cue after another speaker's, in the same paragraph
            '"The talks were frank," the envoy told reporters. '
            '"But we are still far apart on the border."',
            [
                ("envoy", "The talks were frank"),
                ("envoy", "But we are still far apart on the border"),
            ],
        ),
        (  # a paragraph that is only a quotation, after the one that named its speaker
            '"The talks were frank," the envoy told reporters.\n\n'
            '"So the best way forward is to keep talking."',
            [
                ("envoy", "The talks were frank"),
                ("envoy", "So the best way forward is to keep talking"),
            ],
        ),
        (  # a quotation run over paragraphs, attributed in its last
            '"The talks were frank and long and we covered a great deal of ground.\n\n'
            '"But we are still far apart," the envoy said.',
            [
                ("envoy", "The talks were frank and long and we covered a great deal of ground"),
                ("envoy", "But we are still far apart"),
            ],
        ),
    ],
)
def test_a_quotation_without_a_cue_continues_its_neighbours_speaker(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    analysis = analyze(article_from_text(text, published="2025-03-04"), nlp)
    assert [(q.speaker_text, q.text) for q in analysis.quotes] == expected


@pytest.mark.parametrize(
    "text",
    [
        '"The talks were frank," the envoy told reporters. The delegations then left the '
        "capital by road for the border, where a second round of talks is due to open next "
        'week under the auspices of the regional bloc. "But we are still far apart."',
        '"The talks were frank," the envoy told reporters.\n\nThe delegations then left the '
        "capital by road for the border, where a second round of talks is due to open next "
        "week under the auspices of the regional bloc and its chairman, the president of the "
        'neighbouring country.\n\n"So the best way forward is to keep talking."',
    ],
)
def test_a_quotation_far_from_the_last_speaker_is_not_theirs(nlp: Language, text: str) -> None:
    analysis = analyze(article_from_text(text, published="2025-03-04"), nlp)
    assert [q.speaker_text for q in analysis.quotes] == ["envoy", None]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # read backwards past a parenthesis, from a sentence that is not the first
        ('The vote was close. "We will win," Rep. Jane Doe (D-Md.) said.', "said", "Doe"),
        (
            'The vote was close. "We will win," Smith (who lost in 2016 (and 2020)) said.',
            "said",
            "Smith",
        ),
        # an apposition right before the cue: the name it describes
        (
            'The vote was close. "We will win," Gene Sperling, a top adviser, said.',
            "said",
            "Sperling",
        ),
        # a phrase on the speaker: the noun it hangs on, not its object
        ('The vote was close. "We will win," the strategist in Iowa said.', "said", "strategist"),
        ('The vote was close. "We will win," a spokesman for Smith said.', "said", "spokesman"),
        ('The vote was close. "We will win," Smith told reporters in Iowa.', "told", "Smith"),
        ('The vote was close. "We will win," they said.', "said", "they"),
        # after the cue, up to punctuation or a quotation
        ('The vote was close. "We will win," said the strategist.', "said", "strategist"),
        ('The vote was close. "We will win," said the strategist "again".', "said", "strategist"),
        ('The vote was close. "We will win," said (the strategist).', "said", None),
    ],
)
def test_the_noun_beside_a_cue_outside_the_marks(
    nlp: Language, text: str, cue: str, speaker: str | None
) -> None:
    doc = nlp(text)
    (verb,) = [t for t in doc if t.text == cue]
    found = _subject_beside(verb, quoted_spans(text))
    assert (found.text if found is not None else None) == speaker


@pytest.mark.parametrize(
    ("text", "cue", "takes_object", "content"),
    [
        ("The farmers came to see the senator speak.", "see", False, None),
        ("The farmers came to hear the senator speak.", "hear", False, None),
        ("The farmers came to watch the senator speak.", "watch", False, None),
        ("The farmers did not notice the senator leave.", "notice", False, None),
        ("The farmers said the senator spoke well.", "said", False, "the senator spoke well"),
        (
            "The reporter asked the governor whether he planned to resign.",
            "asked",
            False,
            "whether he planned to resign",
        ),
        (
            "The reporter asked the governor if he planned to resign.",
            "asked",
            False,
            "if he planned to resign",
        ),
        (
            "The reporter wondered whether he planned to resign.",
            "wondered",
            False,
            "whether he planned to resign",
        ),
        (
            "Officials said the two sides and their mediators agree on most points.",
            "said",
            False,
            "the two sides and their mediators agree on most points",
        ),
        (
            "Officials said the two sides and their mediators agreed on most points.",
            "said",
            False,
            "the two sides and their mediators agreed on most points",
        ),
        (
            "Officials said the two sides and their mediators will agree on most points.",
            "said",
            False,
            "the two sides and their mediators will agree on most points",
        ),
        ("He said the plan.", "said", False, None),
        (
            "The latest poll shows Smith with a ten-point lead.",
            "shows",
            True,
            "Smith with a ten-point lead",
        ),
        ("The latest poll shows Smith ahead in Ohio.", "shows", True, "Smith ahead in Ohio"),
        ("The union called for a national strike.", "called", True, "a national strike"),
        (
            "Protesters pushed for the release of the journalists.",
            "pushed",
            True,
            "the release of the journalists",
        ),
        ("Lawmakers pressed for a vote on the bill.", "pressed", True, "a vote on the bill"),
        (
            "The lawyer referred to the earlier ruling on the case.",
            "referred",
            True,
            "the earlier ruling on the case",
        ),
        ("The minister criticized them.", "criticized", True, None),
        ("The minister criticized them for the delay.", "criticized", True, "them for the delay"),
        ("Analysts regard the deal as a win.", "regard", True, "the deal as a win"),
        ("Analysts regard the deal highly.", "regard", True, None),
        ("Analysts view the deal as a win.", "view", True, "the deal as a win"),
        ("The president praised John Smith.", "praised", True, None),
        (
            "The president praised John Smith for his courage.",
            "praised",
            True,
            "John Smith for his courage",
        ),
        (
            "Critics blasted him over the failed reforms.",
            "blasted",
            True,
            "him over the failed reforms",
        ),
        ("The board called him a liar.", "called", True, "him a liar"),
    ],
)
def test_the_content_of_each_kind_of_cue(
    nlp: Language, text: str, cue: str, takes_object: bool, content: str | None
) -> None:
    """Perception verbs report no belief; questions, clauses, objects with their
    grounds, "call for", "refer to" and "regard as" each give their content."""
    doc = nlp(text)
    (verb,) = [t for t in doc if t.text == cue]
    span = _content_of(doc, verb, takes_object)
    assert (text[span[0] : span[1]] if span else None) == content


def test_who_in_a_relative_clause_names_the_one_it_describes(nlp: Language) -> None:
    text = (
        "The ceremony featured celebrities like Oprah Winfrey and Stevie Wonder, who "
        'joked of the museum, "I have not seen it yet, but I am going to."'
    )
    analysis = analyze(article_from_text(text, published="2025-03-04"), nlp)
    names = {e.id: e.name for e in analysis.entities}
    (quote,) = [q for q in analysis.quotes if q.kind == "direct"]
    assert quote.speaker_text == "who"  # the words as written
    assert names[quote.speaker or ""] == "Stevie Wonder"  # the nearest of the two
