"""Entity-level precision/recall/F1 with the rules of CoNLL's ``conlleval`` script.

A chunk starts at ``B-X``, at ``I-X`` after a tag of another type or after ``O`` (conlleval
treats such an ``I`` as a start), and ends before any tag that does not continue it.
An entity counts as correct only when its type and both boundaries match.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def _split(tag: str) -> tuple[str, str]:
    if tag == "O" or not tag:
        return "O", ""
    if len(tag) > 2 and tag[1] == "-":
        return tag[0], tag[2:]
    return "I", tag  # conlleval accepts raw types as inside tags


def chunks(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Chunks ``(type, start, end)`` (end exclusive) of one BIO(ES) tag sequence."""
    out: list[tuple[str, int, int]] = []
    start = -1
    cur = ""
    prev_p = "O"
    for i, tag in enumerate(list(tags) + ["O"]):
        p, t = _split(tag)
        # Does a chunk end before i?
        end = cur and (
            p in ("O", "B", "S") or t != cur or prev_p in ("E", "S")
        )
        if end:
            out.append((cur, start, i))
            cur = ""
        begins = p in ("B", "S") or (p in ("I", "E") and (not cur or t != cur))
        if begins and p != "O":
            cur, start = t, i
        prev_p = p
    return out


@dataclass
class Scores:
    """Counts and P/R/F1 per type and overall (micro)."""

    tp: dict[str, int] = field(default_factory=dict)
    fp: dict[str, int] = field(default_factory=dict)
    fn: dict[str, int] = field(default_factory=dict)
    tokens: int = 0
    token_correct: int = 0

    def _prf(self, tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f

    def types(self) -> list[str]:
        """Every entity type seen in gold or predictions, sorted."""
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def by_type(self, t: str) -> tuple[float, float, float]:
        """(precision, recall, F1) in percent for type ``t``."""
        return self._prf(self.tp.get(t, 0), self.fp.get(t, 0), self.fn.get(t, 0))

    def overall(self) -> tuple[float, float, float]:
        """Micro-averaged (precision, recall, F1) in percent."""
        return self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    @property
    def f1(self) -> float:
        """Micro F1 in percent."""
        return self.overall()[2]

    def report(self) -> str:
        """A conlleval-like text table."""
        p, r, f = self.overall()
        acc = 100 * self.token_correct / self.tokens if self.tokens else 0.0
        gold = sum(self.tp.values()) + sum(self.fn.values())
        pred = sum(self.tp.values()) + sum(self.fp.values())
        lines = [f"processed {self.tokens} tokens with {gold} phrases; found: {pred} phrases; "
                 f"correct: {sum(self.tp.values())}.",
                 f"accuracy: {acc:6.2f}%; precision: {p:6.2f}%; recall: {r:6.2f}%; FB1: {f:6.2f}"]
        for t in self.types():
            p, r, f = self.by_type(t)
            n = self.tp.get(t, 0) + self.fp.get(t, 0)
            lines.append(f"{t:>17}: precision: {p:6.2f}%; recall: {r:6.2f}%; FB1: {f:6.2f}  {n}")
        return "\n".join(lines)


def evaluate(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> Scores:
    """Score predicted tag sequences against gold ones (one sequence per sentence)."""
    sc = Scores()
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError(f"sentence lengths differ: {len(g)} gold vs {len(p)} predicted")
        sc.tokens += len(g)
        sc.token_correct += sum(1 for a, b in zip(g, p) if a == b)
        gc = set(chunks(g))
        pc = set(chunks(p))
        for t, _, _ in gc & pc:
            sc.tp[t] = sc.tp.get(t, 0) + 1
        for t, _, _ in pc - gc:
            sc.fp[t] = sc.fp.get(t, 0) + 1
        for t, _, _ in gc - pc:
            sc.fn[t] = sc.fn.get(t, 0) + 1
    return sc
