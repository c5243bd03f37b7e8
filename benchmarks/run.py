"""`make bench`: run every benchmark and gather their results into benchmarks/RESULTS.md.

Each bench_*.py module writes its own benchmarks/results/<name>.md (with the command that reproduces it); this
runner calls them in turn, and a failing one is reported without hiding the others' results.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
DATA = HERE.parents[1] / "shared" / "data"


def main(argv: list[str]) -> int:
    if not DATA.is_dir():
        print(f"benchmarks need the evaluation data at {DATA}; nothing measured", file=sys.stderr)
        return 1
    names = sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_"))
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    failed = []
    for name in names:
        print(f"== {name}", flush=True)
        started = time.time()
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            module.main()
        except Exception as exc:  # noqa: BLE001 - one broken benchmark must not hide the rest
            failed.append(name)
            print(f"{name} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        print(f"   {time.time() - started:.0f} s", flush=True)
    gather()
    return 1 if failed else 0


def write_result(path: Path, lines: list[str]) -> None:
    """One benchmark's Markdown result, written where `gather` finds it, and echoed for whoever ran it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    print("\n".join(lines))


def gather() -> None:
    parts = [
        "# Benchmark results\n",
        "Measured on the evaluation data in `../shared/data` (never on the seeds alone). Regenerate everything with "
        "`make bench`; each section names the command that reproduces it alone.\n",
        f"Gathered {dt.date.today().isoformat()}.\n",
    ]
    for path in sorted(RESULTS.glob("*.md")):
        parts.append(path.read_text(encoding="utf-8").strip() + "\n")
    (HERE / "RESULTS.md").write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
