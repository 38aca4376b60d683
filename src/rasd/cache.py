"""Bounded memo tables for per-word caches that must not grow with a long run's vocabulary.

A corpus run meets about a million word types; a plain dict memo keeps them all, and
clearing it at a bound throws away the frequent words with the rare ones. :class:`TwoGen`
keeps two generations: new entries go into the young one (the dict itself); when it is
full it becomes the old one and a fresh young one starts. A lookup that misses the young
generation looks in the old one and promotes what it finds, so a word in use survives
every rotation, and at most ``2 * limit`` entries are ever held. Hits cost one ordinary
dict subscript (no Python-level call, no LRU bookkeeping); only misses run Python code.

Usage (``MISS`` is returned on a miss; pass ``miss=`` when ``None`` is a cached value)::

    _NORM = TwoGen(100_000)
    n = _NORM[w]
    if n is None:
        n = _NORM.put(w, normalize(w))

Caches must memoise pure functions only, so a bound changes speed and memory, never
results. ``RASD_CACHE_SCALE`` (a float, default 1) multiplies every bound made through
:func:`bound`; 0 means unbounded, which ``bench/memory_identity.py`` uses to check that
the bounds leave the output unchanged.
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["TwoGen", "bound", "SCALE"]


def _scale() -> float:
    try:
        return float(os.environ.get("RASD_CACHE_SCALE", "1"))
    except ValueError:
        return 1.0


#: Multiplier applied to every bound (0: no bound); read once, from RASD_CACHE_SCALE.
SCALE = _scale()

_HUGE = 1 << 62


def bound(n: int) -> int:
    """``n`` scaled by ``RASD_CACHE_SCALE`` (at least 1; no bound when the scale is 0)."""
    if SCALE <= 0:
        return _HUGE
    return max(1, int(n * SCALE))


class TwoGen(dict):
    """A dict memo bounded by two generations of at most ``limit`` entries each.

    ``c[key]`` returns the value, or ``c.miss`` (``None`` unless given) when neither
    generation holds ``key``; an old-generation hit is promoted. Store with
    :meth:`put` (not ``c[key] = v``, which would bypass the bound). ``limit`` is passed
    through :func:`bound` unless ``scaled=False``.
    """

    __slots__ = ("old", "limit", "miss")

    def __init__(self, limit: int, miss: Any = None, *, scaled: bool = True) -> None:
        super().__init__()
        self.limit = bound(limit) if scaled else max(1, int(limit))
        self.old: dict = {}
        self.miss = miss

    def __missing__(self, key: Any) -> Any:
        old = self.old
        if key in old:
            return self.put(key, old[key])
        return self.miss

    def put(self, key: Any, value: Any) -> Any:
        """Store ``value`` under ``key`` (rotating generations when full); returns it."""
        if dict.__len__(self) >= self.limit:
            # The young generation becomes the old one (a compact copy; the previous old
            # generation is dropped), and this dict starts empty again.
            self.old = dict(self)
            dict.clear(self)
        dict.__setitem__(self, key, value)
        return value

    def get(self, key: Any, default: Any = None) -> Any:  # type: ignore[override]
        """Like ``dict.get``, looking in both generations (slower than ``c[key]``)."""
        v = self[key]
        if v is self.miss and not (dict.__contains__(self, key) or key in self.old):
            return default
        return v

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self.old

    def __len__(self) -> int:
        """Entries held in both generations (a promoted key counts twice)."""
        return dict.__len__(self) + len(self.old)

    def young_len(self) -> int:
        """Entries in the young generation."""
        return dict.__len__(self)

    def clear(self) -> None:
        """Forget both generations."""
        self.old = {}
        dict.clear(self)
