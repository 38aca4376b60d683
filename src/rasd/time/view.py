"""A faster offset-true normalised view for long texts with many removed marks.

Same normalised string and the same offset mapping as
:class:`rasd.text.normalize.NormView`, but when normalisation only *removes* characters
(diacritics, tatweel, bidi marks: the common case in news text) the map back to the
original is computed from the positions of the removed characters with one regex scan
and a bisect, instead of a Python loop over every character. Texts with characters that
expand (presentation-form ligatures such as ﻻ) fall back to ``NormView``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rasd.text.normalize import NormView, normalize


def _classes() -> tuple[str, str]:
    dele, exp = [], []
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        n = normalize(c)
        if n == c:
            continue
        if n == "":
            dele.append(c)
        elif len(n) > 1:
            exp.append(c)
    return "".join(dele), "".join(exp)


_DEL, _EXP = _classes()
_DEL_RE = re.compile("[" + re.escape(_DEL) + "]") if _DEL else None
_EXP_RE = re.compile("[" + re.escape(_EXP) + "]") if _EXP else None


class FastView:
    """``norm`` (normalised ``text``) and ``to_orig`` back to ``text`` offsets."""

    __slots__ = ("text", "norm", "_shift", "_fallback")

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = normalize(text)
        self._shift: list[int] | None = None
        self._fallback: NormView | None = None
        if _EXP_RE is not None and _EXP_RE.search(text):
            self._fallback = NormView(text)
            self.norm = self._fallback.norm
            return
        if len(self.norm) == len(text):
            return  # nothing removed, nothing expanded: identity
        # k-th removed character at original position d: the normalised position it falls
        # before is d - k. orig(i) = i + number of removals at normalised positions <= i.
        assert _DEL_RE is not None
        self._shift = [m.start() - k for k, m in enumerate(_DEL_RE.finditer(text))]

    def orig_offset(self, i: int) -> int:
        """Original offset of normalised position ``i``."""
        if self._fallback is not None:
            return self._fallback.orig_offset(i)
        if self._shift is None:
            return i
        return i + bisect_right(self._shift, i)

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        """The original span that normalised span ``[start, end)`` came from."""
        if self._fallback is not None:
            return self._fallback.to_orig(start, end)
        if self._shift is None:
            return start, end
        if end <= start:
            s = self.orig_offset(start)
            return s, s
        return self.orig_offset(start), self.orig_offset(end - 1) + 1
