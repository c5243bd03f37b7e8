"""A Brief as the JSON of SCHEMA.md ("Story briefs"), with the extra fields (sources, conflicts, copies, notes)."""

from __future__ import annotations

from typing import Any

from storyline.model import Brief, to_dict


def brief_to_json(brief: Brief) -> dict[str, Any]:
    """The brief as plain JSON data: SCHEMA.md's fields, plus source spans, conflict sides, copies and notes."""
    return to_dict(brief)
