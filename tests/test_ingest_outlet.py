"""Outlet names: one outlet however an article writes it, so corroboration counts outlets, not spellings."""

from __future__ import annotations

from storyline.ingest.outlet import (
    canonical_outlet,
    known_outlet,
    outlet_from_dateline,
    outlet_from_footer,
    outlet_from_url,
)


def test_spellings_of_one_outlet_are_one_name() -> None:
    assert known_outlet("AP") == known_outlet("The Associated Press") == "Associated Press"
    assert known_outlet("the guardian") == known_outlet("Guardian") == "The Guardian"
    assert known_outlet("Riverside Courier") is None


def test_urls_map_to_outlets_through_their_domain() -> None:
    assert outlet_from_url("https://apnews.com/article/x") == "Associated Press"
    assert outlet_from_url("https://www.bbc.co.uk/news/world-1") == "BBC News"
    assert outlet_from_url("https://edition.cnn.com/2023/08/30/politics") == "CNN"  # a subdomain of a known domain
    assert outlet_from_url("https://m.riverside-courier.example/story") == "riverside-courier.example"
    assert outlet_from_url("https://m.riverside-courier.example/story", fallback_to_host=False) is None
    assert outlet_from_url("not a url") is None


def test_given_names_are_tidied_not_invented() -> None:
    assert canonical_outlet("BBC News - World") == "BBC News"
    assert canonical_outlet("World News | Reuters") == "Reuters"
    assert canonical_outlet("en.wikinews.org") == "Wikinews"
    assert canonical_outlet("  Coastal   Courier ") == "Coastal Courier"
    assert canonical_outlet("") is None


def test_footers_and_datelines() -> None:
    assert outlet_from_footer("Read the original article on Business Insider") == "Business Insider"
    assert outlet_from_footer("This story was originally published by The Conversation.") == "The Conversation"
    assert outlet_from_footer("© 2024 Reuters. All rights reserved.") == "Reuters"
    assert outlet_from_footer("The post Five charts appeared first on Vox.") == "Vox"
    assert outlet_from_footer("Read the full report on Tuesday, officials said, when it is published.") is None
    assert outlet_from_dateline("WASHINGTON (AP) — The Senate passed the bill.") == "Associated Press"
    assert outlet_from_dateline("LONDON, Aug 30 (Reuters) - Oil rose.") == "Reuters"
    assert outlet_from_dateline("The senator (left) - shown here - spoke.") is None
