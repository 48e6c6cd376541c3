"""The shared text helpers every extractor reads spans through."""

from spacy.language import Language

from newsevents.extract.text import doc_text, sentence_of, trimmed


def test_doc_text_is_the_text_and_stays_it(nlp: Language) -> None:
    text = "Russia shelled Kharkiv. Ukraine answered."
    doc = nlp(text)
    assert doc_text(doc) == text
    assert doc_text(doc) == text  # the second read comes from the Doc's own store


def test_trimmed_drops_whitespace_at_both_edges_only(nlp: Language) -> None:
    text = "\n\n  Talks resumed in Doha.  \n"
    doc = nlp(text)
    start, end = trimmed(doc, 0, len(text))
    assert text[start:end] == "Talks resumed in Doha."
    # inner spaces are kept, a span without edge space is unchanged
    assert trimmed(doc, start, end) == (start, end)
    inner = text.index("resumed")
    assert trimmed(doc, inner - 1, inner + len("resumed") + 1) == (inner, inner + 7)


def test_trimmed_span_of_whitespace_only_is_empty(nlp: Language) -> None:
    text = "Talks resumed.   \n\n   Fighting went on."
    doc = nlp(text)
    gap = text.index("   ")
    start, end = trimmed(doc, gap, gap + 8)
    assert start == end


def test_trimmed_at_the_very_start_and_end(nlp: Language) -> None:
    text = "Talks resumed."
    doc = nlp(text)
    assert trimmed(doc, 0, len(text)) == (0, len(text))
    assert trimmed(doc, 0, 1) == (0, 1)
    assert trimmed(doc, len(text) - 1, len(text)) == (len(text) - 1, len(text))


def test_sentence_of_every_token_is_its_own_sentence(nlp: Language) -> None:
    text = "Russia shelled Kharkiv on Monday. Ukraine said two people died. Talks are off."
    doc = nlp(text)
    sents = list(doc.sents)
    assert len(sents) == 3
    for tok in doc:
        assert sentence_of(tok) == tok.sent
    # a later token read first, then an earlier one: the table serves both
    assert sentence_of(doc[-1]).text == "Talks are off."
    assert sentence_of(doc[0]).text == sents[0].text


def test_trimmed_inside_a_run_of_whitespace_stays_empty(nlp: Language) -> None:
    text = "Talks resumed.      Fighting went on."
    doc = nlp(text)
    gap = text.index("  ")
    start, end = trimmed(doc, gap + 1, gap + 3)  # whitespace on both sides as well
    assert start == end == gap + 3
