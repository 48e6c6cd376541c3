"""Layout on the reference article and on article shapes written for these tests."""

from newsevents import Article
from newsevents.ingest.layout import analyze_layout, furniture_reason, split_dateline

CITIES = {"Barcelona", "Geneva", "Kyiv", "New York", "Moscow", "Nairobi"}


def is_place(name: str) -> bool:
    return name.title() in CITIES or name in CITIES


def test_reference_article_layout(reference_article: Article) -> None:
    a = reference_article
    assert a.title == "Trump's envoy travels to Moscow to convince Putin of a ceasefire"
    assert a.subtitle == (
        "Russian President accelerates assault to recapture Kursk province before negotiations"
    )
    assert a.caption is not None and a.caption.startswith(
        "Russian President Vladimir Putin visited"
    )
    assert a.dateline == "Barcelona"
    assert a.text.startswith("Donald Trump's special envoy for the conflicts in Ukraine and Gaza")
    assert a.published == "2025-03-13" and a.published_from == "metadata"
    assert a.truncated is True
    assert [(r.text, r.reason) for r in a.removed] == [
        ("ARA", "brand line"),
        ("Upd. 12", "update stamp"),
        ("2 min", "reading time"),
        ("stats", "share/stats widget"),
    ]
    assert [s.text for s in a.subheadings] == [
        "Russia says it has recaptured 86% of the territory occupied in Kursk"
    ]
    for s in a.subheadings:
        assert a.text[s.span[0] : s.span[1]] == s.text


WIRE = """Rebels seize town in eastern Congo

By Amina Okoro and Paul Reyes
Published 12 March 2025 08:15

NAIROBI, March 12 (Newswire) - Rebels seized the town of Masisi on Wednesday after two days of fighting, local officials said. The army said it was regrouping.

Thousands of residents fled towards Goma, the officials said, and aid agencies warned of shortages.

Advertisement

A spokesman for the rebels said they would hold the town.

Share
Facebook Twitter WhatsApp
"""


def test_wire_story_with_byline_stamp_and_widgets() -> None:
    layout = analyze_layout(WIRE, is_place=is_place)
    assert layout.title == "Rebels seize town in eastern Congo"
    assert layout.byline == "Amina Okoro and Paul Reyes"
    assert layout.dateline == "NAIROBI"
    assert layout.text.startswith("Rebels seized the town of Masisi")
    assert layout.published is not None and layout.published.isoformat() == "2025-03-12"
    reasons = dict(layout.removed)
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["Share"] == "share/stats widget"
    assert reasons["Facebook Twitter WhatsApp"] == "share/stats widget"
    assert "Advertisement" not in layout.text
    assert layout.truncated is False
    assert layout.caption is None and layout.subtitle is None


def test_plain_article_without_furniture() -> None:
    text = (
        "Ministers agree on grain corridor\n\n"
        "The deal covers three ports on the Black Sea\n\n"
        "Foreign ministers agreed on Friday to reopen a grain corridor. The deal was signed in Istanbul.\n\n"
        "Shipping firms welcomed the move. Insurers said premiums would fall."
    )
    layout = analyze_layout(text, is_place=is_place)
    assert layout.title == "Ministers agree on grain corridor"
    assert layout.subtitle == "The deal covers three ports on the Black Sea"
    assert layout.caption is None
    assert layout.removed == []
    assert layout.dateline is None
    assert layout.text.startswith("Foreign ministers agreed on Friday")
    assert layout.truncated is False


def test_known_title_means_no_header_guessing() -> None:
    # a short first paragraph must not become a caption when the title comes from metadata
    text = "The talks collapsed.\n\nBoth sides blamed each other for the failure on Monday."
    layout = analyze_layout(text, title="Talks collapse", is_place=is_place)
    assert layout.caption is None and layout.title is None
    assert layout.text.startswith("The talks collapsed.")


def test_glued_dateline_only_splits_on_a_place() -> None:
    assert split_dateline("GenevaThe talks resumed.", is_place) == ("Geneva", "The talks resumed.")
    assert split_dateline("New YorkThe UN said.", is_place) == ("New York", "The UN said.")
    # a name with an inner capital is not a dateline
    assert split_dateline("McDonald's closed its stores.", is_place) == (
        None,
        "McDonald's closed its stores.",
    )
    assert split_dateline("DeSantis said on Monday.", is_place)[0] is None


def test_furniture_shapes_and_look_alikes() -> None:
    assert furniture_reason("5 min read") == "reading time"
    assert furniture_reason("Updated 13/03/2025 10:42") == "update stamp"
    assert furniture_reason("Share 1.2k") == "share/stats widget"
    assert furniture_reason("Read more: Talks in Riyadh") == "related-links widget"
    # content that merely contains widget words
    assert furniture_reason("Share prices fell sharply after the attack.") is None
    assert furniture_reason("Two minutes later the shelling resumed.") is None
    assert furniture_reason("Stats") == "share/stats widget"


def test_truncation_only_when_cut_mid_sentence() -> None:
    cut = analyze_layout("Title here\n\nOfficials said the talks would resume, a claim that Kyiv")
    assert cut.truncated is True
    whole = analyze_layout('Title here\n\nThe minister said: "We will not give up."')
    assert whole.truncated is False


def test_audio_players_and_share_bars_are_furniture() -> None:
    for line in (
        "Listen to this article · 2 min",
        "Listen to this story 4:12",
        "Play audio",
        "Hear this report - 3 mins",
        "Share this story",
        "Share the article",
    ):
        assert furniture_reason(line) == "audio or share widget", line
    for prose in (
        "Listen to the people of Goma, the mayor said.",
        "Share this with the other delegations before Monday",
        "Play resumed after the ceasefire.",
    ):
        assert furniture_reason(prose) is None, prose
