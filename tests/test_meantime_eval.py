"""`eval meantime` reads the TLINKs that date events in CAT XML, and scores the
events' time cascade on them."""

from pathlib import Path

from spacy.language import Language

from newsevents.evaluation.meantime import format_meantime, load_meantime, score_meantime

_CAT = """<Document doc_name="x" doc_id="1">
<token t_id="1" sentence="0" number="0">Ford</token>
<token t_id="2" sentence="0" number="1">cuts</token>
<token t_id="3" sentence="0" number="2">jobs</token>
<token t_id="4" sentence="1" number="3">May</token>
<token t_id="5" sentence="1" number="4">3</token>
<token t_id="6" sentence="1" number="5">,</token>
<token t_id="7" sentence="1" number="6">2009</token>
<token t_id="8" sentence="2" number="7">Ford</token>
<token t_id="9" sentence="2" number="8">announced</token>
<token t_id="10" sentence="2" number="9">the</token>
<token t_id="11" sentence="2" number="10">cuts</token>
<token t_id="12" sentence="2" number="11">on</token>
<token t_id="13" sentence="2" number="12">Friday</token>
<token t_id="14" sentence="2" number="13">.</token>
<token t_id="15" sentence="3" number="14">Shares</token>
<token t_id="16" sentence="3" number="15">fall</token>
<token t_id="17" sentence="3" number="16">.</token>
<Markables>
<TIMEX3 m_id="20" type="DATE" value="2009-05-03" functionInDocument="CREATION_TIME">
<token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/>
</TIMEX3>
<TIMEX3 m_id="21" type="DATE" value="2009-05-01" functionInDocument="NONE">
<token_anchor t_id="13"/>
</TIMEX3>
<EVENT_MENTION m_id="30" pos="VERB"><token_anchor t_id="9"/></EVENT_MENTION>
<EVENT_MENTION m_id="31" pos="VERB"><token_anchor t_id="16"/></EVENT_MENTION>
<EVENT_MENTION m_id="32" pos="NOUN"><token_anchor t_id="11"/></EVENT_MENTION>
</Markables>
<Relations>
<TLINK r_id="1" reltype="IS_INCLUDED"><source m_id="30"/><target m_id="21"/></TLINK>
<TLINK r_id="2" reltype="SIMULTANEOUS"><source m_id="31"/><target m_id="20"/></TLINK>
<TLINK r_id="3" reltype="BEFORE"><source m_id="32"/><target m_id="20"/></TLINK>
</Relations>
</Document>
"""


def test_tlinks_date_event_mentions_and_the_cascade_is_scored(
    tmp_path: Path, nlp: Language
) -> None:
    (tmp_path / "1_ford.xml").write_text(_CAT, encoding="utf-8")
    (doc,) = load_meantime(tmp_path)
    # BEFORE does not say when: only the two links that put an event in a date
    assert [(a.text, a.value) for a in doc.anchors] == [
        ("announced", "2009-05-01"),
        ("fall", "2009-05-03"),
    ]
    report = score_meantime([doc], nlp, peers=False)
    scores = report.parts["all"]
    # "announced" takes its clause's Friday; "fall", present tense, the creation day
    assert (scores.events, scores.events_exact) == (2, 2)
    assert "event times" in format_meantime(report)
