"""Lexicons and gazetteers shipped with newsevents, one fact per line, sources in headers."""
