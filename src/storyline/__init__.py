"""storyline: one news story across many outlets, each fact traced to its sources."""

__version__ = "0.1.0"
