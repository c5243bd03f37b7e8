"""The brief: one story across every outlet — facts traced to their sources, summary, quotes, cast, timeline."""

from storyline.brief.align import align_facts
from storyline.brief.assemble import build_brief

__all__ = ["align_facts", "build_brief"]
