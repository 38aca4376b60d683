"""The two-generation bounded memo (rasd.cache)."""

from __future__ import annotations

import rasd.cache as cache_mod
from rasd.cache import TwoGen, bound


def test_miss_returns_sentinel_and_put_returns_value():
    c = TwoGen(4, scaled=False)
    assert c["a"] is None
    assert c.put("a", 1) == 1
    assert c["a"] == 1
    marker = object()
    c2 = TwoGen(4, miss=marker, scaled=False)
    assert c2["x"] is marker
    c2.put("x", None)  # None can be a cached value when another sentinel is used
    assert c2["x"] is None


def test_never_holds_more_than_two_generations():
    c = TwoGen(3, scaled=False)
    for i in range(100):
        c.put(i, i * i)
        assert c.young_len() <= 3
        assert len(c) <= 6
    # the newest entries are still there, the oldest are gone
    assert c[99] == 99 * 99
    assert c[0] is None


def test_old_generation_hit_is_promoted_and_survives_rotation():
    c = TwoGen(2, scaled=False)
    c.put("hot", 1)
    c.put("b", 2)
    c.put("c", 3)  # rotation: {hot, b} become old
    assert c.young_len() == 1
    assert c["hot"] == 1  # found in old, promoted into young
    assert c.young_len() == 2
    c.put("d", 4)  # rotation: {c, hot} old, b dropped
    assert c["hot"] == 1
    assert c["b"] is None


def test_get_contains_len_clear():
    c = TwoGen(2, scaled=False)
    for k in "abc":
        c.put(k, k.upper())
    assert len(c) == 3  # two old entries, one young
    assert "a" in c and "c" in c and "z" not in c
    assert c.get("a") == "A" and c.get("z", 5) == 5
    c.clear()
    assert len(c) == 0 and "a" not in c and c["a"] is None


def test_get_distinguishes_a_stored_sentinel_from_a_miss():
    c = TwoGen(2, scaled=False)
    c.put("k", None)
    assert c.get("k", "default") is None
    assert c.get("other", "default") == "default"


def test_bound_scale(monkeypatch):
    monkeypatch.setattr(cache_mod, "SCALE", 1.0)
    assert bound(1000) == 1000
    monkeypatch.setattr(cache_mod, "SCALE", 0.5)
    assert bound(1000) == 500
    assert TwoGen(1000).limit == 500
    monkeypatch.setattr(cache_mod, "SCALE", 0.0)
    assert bound(10) > 10**12  # unbounded, for identity checks
    monkeypatch.setattr(cache_mod, "SCALE", 1e-9)
    assert bound(10) == 1


def test_memoised_results_do_not_depend_on_the_bound():
    def square(x: int) -> int:
        return x * x

    keys = [i % 37 for i in range(1000)] + list(range(500))
    for limit in (1, 5, 50, 10_000):
        c = TwoGen(limit, scaled=False)
        out = []
        for k in keys:
            v = c[k]
            if v is None:
                v = c.put(k, square(k))
            out.append(v)
        assert out == [square(k) for k in keys]
