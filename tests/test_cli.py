"""The commands as a user runs them: the seeds end to end, exit codes, idempotent ingest, batch output formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()


def _run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    seeds = Path(__file__).resolve().parents[1] / "examples" / "seeds"
    result = _run("run", str(seeds), "-o", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    return out


def test_run_puts_both_seed_reports_in_one_story_with_their_outlets(seed_report):
    briefs = json.loads((seed_report / "stories.json").read_text(encoding="utf-8"))
    assert len(briefs) == 1
    brief = briefs[0]
    assert len(brief["articles"]) == 2
    assert sorted(a["outlet"] for a in brief["articles"]) == ["Business Insider", "Global News"]
    for key in ("id", "headline", "summary", "facts", "quotes", "entities", "timeline"):
        assert key in brief


def test_run_writes_html_index_story_page_and_markdown(seed_report):
    brief = json.loads((seed_report / "stories.json").read_text(encoding="utf-8"))[0]
    index = (seed_report / "index.html").read_text(encoding="utf-8")
    assert f"{brief['id']}.html" in index
    page = (seed_report / f"{brief['id']}.html").read_text(encoding="utf-8")
    assert "<svg" in page  # the timeline is drawn
    assert "http://" not in page.replace("http://www.w3.org", "")  # self-contained: opens without a server
    md = (seed_report / f"{brief['id']}.md").read_text(encoding="utf-8")
    assert brief["headline"] in md


def test_seed_brief_keeps_boilerplate_out(seed_report):
    brief = json.loads((seed_report / "stories.json").read_text(encoding="utf-8"))[0]
    texts = [f["text"] for f in brief["facts"]] + [s["text"] for s in brief["summary"]]
    for text in texts:
        assert "Read the original article" not in text
        assert "AP Photo" not in text


def _folder(tmp_path: Path, files: dict[str, str]) -> tuple[Path, str]:
    """A folder of the given text files, and a database path beside it."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder, str(tmp_path / "s.db")


def test_ingest_twice_changes_nothing_and_bad_inputs_give_exit_1(tmp_path):
    folder, db = _folder(tmp_path, {
        "a.txt": "A headline\n\nThe mayor opened the new bridge on Monday, officials said.\n",
        "empty.txt": "",
    })
    first = _run("ingest", str(folder), str(tmp_path / "missing"), "--db", db)
    assert first.exit_code == 1
    assert "missing" in first.output and "empty.txt" in first.output
    second = _run("ingest", str(folder / "a.txt"), "--db", db)
    assert second.exit_code == 0
    assert "0 new, 1 already stored" in second.output
    listed = _run("rejected", "--db", db)
    assert "empty.txt" in listed.output


def test_stories_search_and_brief_on_a_database(tmp_path):
    db = str(tmp_path / "s.db")
    seeds = Path(__file__).resolve().parents[1] / "examples" / "seeds"
    assert _run("ingest", str(seeds), "--db", db, "--quiet").exit_code == 0
    listing = _run("stories", "--db", db, "--quiet", "--json")
    assert listing.exit_code == 0
    (story,) = [json.loads(line) for line in listing.stdout.splitlines()]
    story_id = story["story"]
    assert story["outlets"] == ["Business Insider", "Global News"]
    assert story_id in _run("stories", "--db", db, "--quiet").output
    found = _run("search", "Shoigu", "--db", db)
    assert found.exit_code == 0 and story_id in found.output
    as_json = _run("brief", story_id, "--format", "json", "--db", db, "--quiet")
    assert json.loads(as_json.output)["id"] == story_id
    assert _run("brief", "no-such-story", "--db", db, "--quiet").exit_code != 0


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


ARTICLES = [
    {"id": "q1", "title": "Earthquake hits Chile", "date": "2024-03-04", "outlet": "Wire A", "story": "quake",
     "text": "A magnitude 7.1 earthquake struck northern Chile on Monday, killing 12 people, officials said. "
             "\"We are still searching for survivors,\" said Interior Minister Carolina Toha."},
    {"id": "q2", "title": "Chile quake kills 12", "date": "2024-03-04", "outlet": "Wire B", "story": "quake",
     "text": "Twelve people died when a 7.1-magnitude quake hit northern Chile on Monday, according to officials."},
]


def test_batch_analyze_output_format(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    result = _run("analyze", str(src), "-o", str(tmp_path / "out.jsonl"), "--quiet")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == ["q1", "q2"]
    text = ARTICLES[0]["text"]
    for row in rows:
        assert {"id", "published", "outlet", "entities", "quotes", "times"} <= row.keys()
    for ent in rows[0]["entities"]:
        assert text[ent["start"] : ent["end"]] == ent["text"]
        assert {"label", "canonical"} <= ent.keys()
    assert any("Chile" in e["text"] for e in rows[0]["entities"])
    for t in rows[0]["times"]:
        assert {"type", "value"} <= t.keys()


def test_batch_cluster_facts_and_pairs_formats(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    clustered = _run("cluster", str(src), "--quiet")
    assert clustered.exit_code == 0
    rows = [json.loads(line) for line in clustered.output.splitlines()]
    assert [r["id"] for r in rows] == ["q1", "q2"] and all(isinstance(r["story"], str) for r in rows)

    facts = _run("facts", str(src), "--quiet")
    assert facts.exit_code == 0, facts.output
    stories = [json.loads(line) for line in facts.output.splitlines()]
    assert [s["story"] for s in stories] == ["quake"]
    texts = {a["id"]: a["text"] for a in ARTICLES}
    for fact in stories[0]["facts"]:
        assert fact["status"] in {"corroborated", "single", "conflict"}
        for src_span in fact["sources"]:
            assert 0 <= src_span["start"] < src_span["end"] <= len(texts[src_span["id"]])

    pairs = _jsonl(tmp_path / "pairs.jsonl", [
        {"pair_id": "same", "text1": ARTICLES[0]["text"], "text2": ARTICLES[1]["text"]},
        {"pair_id": "diff", "text1": ARTICLES[0]["text"],
         "text2": "Apple unveiled a new iPhone with a faster chip at its autumn event in Cupertino on Tuesday."},
    ])
    scored = _run("pairs", str(pairs), "--quiet")
    assert scored.exit_code == 0
    out = {r["pair_id"]: r["score"] for r in map(json.loads, scored.output.splitlines())}
    assert 0 <= out["diff"] < out["same"] <= 1


def test_batch_command_skips_a_malformed_line_and_exits_1(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ARTICLES[0]) + "\n{not json\n" + json.dumps(ARTICLES[1]) + "\n")
    result = _run("cluster", str(src), "--quiet")
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines() if line.startswith("{")]
    assert ids == ["q1", "q2"]


def test_usage_errors_exit_2_without_traceback(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    for args in (["cluster", str(tmp_path / "nope.jsonl")], ["brief", "x", "--format", "pdf"], ["frobnicate"]):
        proc = subprocess.run([sys.executable, "-m", "storyline", *args], capture_output=True, text=True, env=env,
                              cwd=tmp_path)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "Traceback" not in proc.stderr


def test_brackets_in_titles_and_reasons_are_printed_as_written(tmp_path):
    folder, db = _folder(tmp_path, {
        "[draft] notes.txt": "",
        "a.txt": "Council [updated] vote\n\nThe council voted [5-2] on the harbour budget on Monday.\n",
    })
    ingested = _run("ingest", str(folder), "--db", db)
    assert "[draft] notes.txt" in ingested.output
    found = _run("search", "harbour", "--db", db)
    assert "[updated]" in found.output.replace("\n", " ") or "[updated]" in found.output
