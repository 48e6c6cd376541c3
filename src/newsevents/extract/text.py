"""The text of a parsed article, built once.

spaCy's ``Doc.text`` is not stored: each access joins every token again, which
made reading a few characters around an entity cost as much as the whole
article. Profiling showed it was most of the extractors' time, so the joined
text is kept in the Doc's ``user_data`` on first use.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "newsevents.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)
