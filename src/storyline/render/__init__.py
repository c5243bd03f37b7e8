"""Rendering a Brief: JSON (SCHEMA.md), Markdown, and self-contained HTML pages. Computes nothing new."""

from storyline.render.json import brief_to_json
from storyline.render.pages import brief_to_html, brief_to_markdown, write_report

__all__ = ["brief_to_json", "brief_to_markdown", "brief_to_html", "write_report"]
