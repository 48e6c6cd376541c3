"""Cross-article linking on ECB+ (topics of news from many outlets, CAT XML).

Each topic holds two real-world events of one kind (``N_Mecb.xml`` and
``N_Mecbplus.xml``: two different check-ins to rehab, two Oscar hosts), so an
article's gold story is its topic and half. The ``ecbplus`` files open with
their source URL as sentence 0: it becomes the article's URL and outlet, not
text. Action mentions (``ACTION_*``, ``NEG_ACTION_*``) carry the cross-document
event chains (``CROSS_DOC_COREF`` notes); an action outside every chain is a
singleton.

Topics 16 to 20 are frozen: their figures are printed, their errors never.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from . import rebuild_text

FROZEN_TOPICS = frozenset(range(16, 21))


@dataclass(frozen=True)
class GoldAction:
    start: int
    end: int
    chain: str  # the cross-document instance, or a singleton id


@dataclass
class LinkDoc:
    id: str  # file stem, "1_10ecbplus"
    topic: int
    half: str  # "ecb" or "ecbplus"
    text: str
    url: str | None
    actions: list[GoldAction]

    @property
    def story(self) -> str:
        return f"{self.topic}{self.half}"

    @property
    def frozen(self) -> bool:
        return self.topic in FROZEN_TOPICS

    @property
    def outlet(self) -> str | None:
        if not self.url:
            return None
        host = urlparse(self.url if "//" in self.url else "http://" + self.url).netloc
        return re.sub(r"^www\d*\.", "", host.lower()) or None


_NAME = re.compile(r"(\d+)_(\d+)(ecb|ecbplus)$")


def load_ecbplus(folder: Path) -> list[LinkDoc]:
    files = sorted(p for p in folder.rglob("*.xml") if _NAME.match(p.stem))
    if not files:
        raise ValueError(f"{folder}: no ECB+ files (N_Mecb.xml, N_Mecbplus.xml)")
    return [_read(path) for path in files]


def _read(path: Path) -> LinkDoc:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not CAT XML ({exc})") from exc
    m = _NAME.match(path.stem)
    assert m is not None
    topic, half = int(m.group(1)), m.group(3)
    tokens = [
        (t.get("t_id") or "", int(t.get("sentence") or 0), t.text or "") for t in root.iter("token")
    ]
    url = None
    if half == "ecbplus" and tokens and tokens[0][1] == 0:
        url = "".join(word for _, s, word in tokens if s == 0).strip() or None
        tokens = [t for t in tokens if t[1] != 0]
    text, spans, _ = rebuild_text(tokens)
    chain_of: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in list(relations) if relations is not None else []:
        note = rel.get("note") or ""
        if rel.tag == "CROSS_DOC_COREF" and note[:3] in ("ACT", "NEG"):
            for src in rel.iter("source"):
                chain_of[src.get("m_id") or ""] = note
    actions = []
    markables = root.find("Markables")
    for mark in list(markables) if markables is not None else []:
        if not re.match(r"(?:NEG_)?ACTION_", mark.tag):
            continue
        anchors = [a.get("t_id") or "" for a in mark.iter("token_anchor")]
        anchors = [a for a in anchors if a in spans]
        if not anchors:
            continue  # an instance, not a mention
        m_id = mark.get("m_id") or ""
        actions.append(
            GoldAction(
                min(spans[a][0] for a in anchors),
                max(spans[a][1] for a in anchors),
                chain_of.get(m_id, f"{path.stem}#{m_id}"),
            )
        )
    actions.sort(key=lambda a: (a.start, a.end))
    return LinkDoc(path.stem, topic, half, text, url, actions)
