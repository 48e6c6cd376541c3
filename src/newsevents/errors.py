"""Exceptions raised by newsevents.

Every error about an input names that input, so that a batch can record it and
move on::

    NewsEventsError
    ├── InputError                 a file, line or record we cannot analyse
    │   ├── EmptyInputError        empty or whitespace only
    │   ├── BinaryInputError       NUL bytes or a known binary signature
    │   ├── EncodingError          not valid UTF-8 (after BOM handling)
    │   ├── InputTooLargeError     over the configured size limit
    │   ├── NotEnglishError        the text is not in English
    │   ├── MalformedInputError    bad JSON line, bad sidecar, unknown format
    │   └── AnalysisError          the extractors failed on it (``source`` is its id)
    │       └── AnalysisTimeout    ... or ran past the per-article time budget
    └── ModelNotFoundError         no spaCy English model installed
"""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class of every error newsevents raises on purpose."""


class InputError(NewsEventsError):
    """An input that cannot be analysed; ``source`` names it (path, path:line, or label)."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class NotEnglishError(InputError):
    pass


class MalformedInputError(InputError):
    pass


class AnalysisError(InputError):
    """An article the extractors failed on; ``source`` is the article id, which the
    caller maps back to the file and line it came from."""


class AnalysisTimeout(AnalysisError):
    """The extractors ran past the per-article time budget (``budget.py``)."""


class ModelNotFoundError(NewsEventsError):
    pass
