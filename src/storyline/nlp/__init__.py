"""The language stage: Article -> Analysis (entities with canonical names, attributions, time expressions)."""

from storyline.nlp.analyze import analyze_article, analyze_articles, link_entities

__all__ = ["analyze_article", "analyze_articles", "link_entities"]
