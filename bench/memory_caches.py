"""Which caches grow on a long pipeline run, and how much memory they hold.

    .venv/bin/python bench/memory_caches.py [--limit N | --every K | --all] [--trace]

Runs the default pipeline over corpus articles (streamed, not held in a list), then lists
every per-word cache found in the loaded ``rasd`` modules and stage objects: module-level
``functools.lru_cache`` functions (entries), module-level dicts, and dicts reachable from
the stage objects (two attribute levels deep) that grew during the run, with their entry
counts and an approximate deep size. ``--trace`` also runs tracemalloc and prints the
source lines holding the most memory allocated during the run (slow: about 3x).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import resource
import sys
import time

# One corpus path and RSS reader for the benches (run as a script: bench/ is on sys.path).
from pipeline_speed import CORPUS, rss_mb  # noqa: E402


def deep_size(obj: object, seen: set[int]) -> int:
    """Approximate bytes held by ``obj`` and what it contains (objects counted once)."""
    stack = [obj]
    total = 0
    while stack:
        o = stack.pop()
        if id(o) in seen:
            continue
        seen.add(id(o))
        total += sys.getsizeof(o)
        if isinstance(o, dict):
            stack.extend(o.keys())
            stack.extend(o.values())
        elif isinstance(o, (list, tuple, set, frozenset)):
            stack.extend(o)
        elif hasattr(o, "__dict__") and not isinstance(o, type):
            stack.append(o.__dict__)
        elif hasattr(o, "__slots__"):
            for s in getattr(type(o), "__slots__", ()):
                if hasattr(o, s):
                    stack.append(getattr(o, s))
    return total


def find_caches(stages: list) -> dict[str, object]:
    """Name → container for module-level dicts/lru_caches and stage-reachable dicts."""
    found: dict[str, object] = {}
    for mname, mod in list(sys.modules.items()):
        if not mname.startswith("rasd"):
            continue
        for attr, val in list(vars(mod).items()):
            if hasattr(val, "cache_info") and getattr(val, "__module__", "") == mname:
                found[f"{mname}.{attr}()"] = val
            elif isinstance(val, (dict, set, list)):
                found[f"{mname}.{attr}"] = val
                if isinstance(val, dict) and len(val) < 50:
                    # a small registry of objects (e.g. finders by keep-set): look inside
                    for k, o in val.items():
                        d = getattr(o, "__dict__", None)
                        if isinstance(d, dict) and not isinstance(o, type):
                            for ak, av in d.items():
                                if isinstance(av, (dict, set, list)):
                                    found[f"{mname}.{attr}[{k!r:.20}].{ak}"] = av
    for st in stages:
        level = [(f"stage[{st.name}]", st)]
        for _depth in range(3):
            nxt = []
            for name, o in level:
                d = getattr(o, "__dict__", None)
                if not isinstance(d, dict):
                    continue
                for k, v in d.items():
                    if isinstance(v, (dict, set, list)):
                        found[f"{name}.{k}"] = v
                    elif hasattr(v, "__dict__") and not isinstance(v, type) and not callable(v):
                        nxt.append((f"{name}.{k}", v))
                    elif hasattr(v, "__dict__") and hasattr(v, "__call__") and not isinstance(v, type):
                        nxt.append((f"{name}.{k}", v))
            level = nxt
    return found


def size_of(v: object) -> int:
    """Entries in a container or lru_cache."""
    if hasattr(v, "cache_info"):
        return v.cache_info().currsize
    return len(v)  # type: ignore[arg-type]


def records(path: str, limit: int, every: int, all_: bool):
    """Corpus records, streamed."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if all_ or every:
                if every and i % every:
                    continue
            elif limit and i >= limit:
                break
            r = json.loads(line)
            yield {"id": r.get("id"), "text": r["text"], "published": r.get("published")}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--every", type=int, default=0)
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--trace", action="store_true")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--corpus", default=str(CORPUS))
    a = ap.parse_args()

    import rasd
    from rasd.errors import InputError
    from rasd.io import make_doc

    rss0 = rss_mb()
    pipeline = rasd.get_pipeline()
    pipeline(make_doc({"text": "تحميل النماذج.", "published": "2015-07-01"}))
    gc.collect()
    rss_loaded = rss_mb()
    before = {k: size_of(v) for k, v in find_caches(pipeline.stages).items()}
    if a.trace:
        import tracemalloc

        tracemalloc.start(1)
        snap0 = tracemalloc.take_snapshot()
    n = 0
    t0 = time.process_time()
    for r in records(a.corpus, a.limit, a.every, a.all):
        try:
            doc = make_doc(r, max_chars=pipeline.max_chars)
        except InputError:
            continue
        pipeline(doc)
        n += 1
        if n % 5000 == 0:
            print(f"  {n} articles, RSS {rss_mb():.0f} MB", file=sys.stderr, flush=True)
    cpu = time.process_time() - t0
    gc.collect()
    rss_end = rss_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} articles, CPU {cpu:.1f} s ({n / cpu:.1f}/s); RSS: python {rss0:.0f}, "
          f"models loaded {rss_loaded:.0f}, end {rss_end:.0f}, peak {peak:.0f} MB")
    caches = find_caches(pipeline.stages)
    rows = []
    seen: set[int] = set()
    for k, v in caches.items():
        now = size_of(v)
        grew = now - before.get(k, 0)
        if grew <= 0:
            continue
        mb = deep_size(v, set()) / 1e6 if not hasattr(v, "cache_info") else float("nan")
        rows.append((mb if mb == mb else -1, k, before.get(k, 0), now))
    rows.sort(reverse=True)
    print(f"{'cache':60s} {'before':>9s} {'after':>9s} {'deep MB':>8s}")
    for mb, k, b, now in rows:
        print(f"{k:60s} {b:9,d} {now:9,d} {mb:8.1f}" if mb >= 0 else f"{k:60s} {b:9,d} {now:9,d}      (lru)")
    del seen
    if a.trace:
        snap = tracemalloc.take_snapshot()
        stats = snap.compare_to(snap0, "lineno")
        print("\ntracemalloc: lines holding the most memory allocated during the run")
        for s in stats[: a.top]:
            fr = s.traceback[0]
            print(f"{s.size_diff / 1e6:8.1f} MB {s.count_diff:9,d} blocks  {fr.filename.split('/src/')[-1]}:{fr.lineno}")
        tot = sum(s.size_diff for s in stats)
        print(f"total traced growth {tot / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
