"""Ingest: raw inputs to clean Articles (layout, furniture, metadata, checks)."""

from .sources import article_from_text, build_article, iter_articles, iter_inputs, iter_labelled

__all__ = ["article_from_text", "build_article", "iter_articles", "iter_inputs", "iter_labelled"]
