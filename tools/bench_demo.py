"""Benchmark of the demo city generator: ``python tools/bench_demo.py [small|city|xiamen ...]``.

``run(scale)`` generates the scale into a temporary GeoPackage and prints the wall time, the
peak memory of the process (resource.getrusage), the file size and the feature counts.
"""

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def run(scale: str = "small", seed: int = 2024, dirty: bool = False) -> dict:
    from cityhealth_plugin.core.demo.city import generate_demo_city

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"demo_{scale}.gpkg"
        started = time.perf_counter()
        counts = generate_demo_city(scale=scale, seed=seed, out=out, dirty=dirty)
        elapsed = time.perf_counter() - started
        size_mb = out.stat().st_size / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # kB on Linux
    facilities = sum(n for name, n in counts.items() if name.startswith("SS_"))
    print(f"[bench_demo] scale={scale} seed={seed} dirty={dirty}")
    print(f"  time        {elapsed:8.1f} s")
    print(f"  peak memory {peak_mb:8.0f} MB (whole process so far)")
    print(f"  file size   {size_mb:8.1f} MB")
    for name, n in counts.items():
        print(f"  {name:<12}{n:>10,d}")
    print(f"  {'facilities':<12}{facilities:>10,d}")
    return {"scale": scale, "seconds": elapsed, "peak_mb": peak_mb, "size_mb": size_mb, "counts": counts}


if __name__ == "__main__":
    for name in sys.argv[1:] or ["small"]:
        run(name)
