"""`make bench`: run every tools/bench_<area>.py `run(scale)` and print its figures.

A benchmark, not a timed test: nothing is asserted. Scales: BENCH_SCALES (default
"small city xiamen"); BENCH_ONLY=network,indicators to pick areas.
"""

import importlib.util
import os
import sys
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    scales = os.environ.get("BENCH_SCALES", "small city xiamen").split()
    only = {name for name in os.environ.get("BENCH_ONLY", "").split(",") if name}
    for path in sorted(TOOLS.glob("bench_*.py")):
        area = path.stem[len("bench_"):]
        if only and area not in only:
            continue
        module = load(path)
        if not hasattr(module, "run"):
            continue
        for scale in scales:
            print(f"\n=== {area} / {scale} ===", flush=True)
            started = time.perf_counter()
            module.run(scale)
            print(f"--- {area} / {scale}: {time.perf_counter() - started:.1f} s wall", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
