"""Sentence splitting for news Arabic, offset-true.

Boundaries: ``.`` ``؟`` ``?`` ``!`` ``؛`` ``…`` and line breaks, followed by a space, or
glued to the next Arabic word (``المدينة.وقال``, ``الحديد!لا``; see ``_glued_boundary``
for acronyms and web addresses). Not a boundary: a dot
between digits (``2.5``), a dot after a known abbreviation or a single letter (``د.``,
``أ.``, ``U.N.``), and any punctuation inside quotation marks (« » “ ” and straight
quotes), since news quotes often span several sentences — a line break still ends a
sentence there. Closing quotes and brackets right after the end mark stay with it.
Sentences are ``(start, end)`` spans without surrounding whitespace.
"""

from __future__ import annotations

import re

from rasd.text.normalize import is_arabic_letter, normalize

_ABBREV = frozenset(normalize(a) for a in (
    "د", "أ", "م", "ص", "ق", "ج", "ه", "هـ", "ت", "ب", "ش", "ك", "ع", "س", "ط", "ح",
    "إلخ", "الخ", "ق.م", "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Jr", "Sr", "No", "vs",
    "etc", "Inc", "Ltd", "Co", "Gen", "Col", "Lt", "Sgt", "Gov", "Sen", "Rep",
))
_OPEN = "«“"
_CLOSE = "»”"
_EVENT_RE = re.compile(r"\n|[.!?؟؛…]+|[«»“”\"]")
_TRAIL = set("»”\"')]}")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    straight_open = False
    n = len(text)
    for m in _EVENT_RE.finditer(text):
        tok = m.group()
        i = m.start()
        if tok == "\n":
            _add(text, start, i, spans)
            start = i + 1
            depth = 0
            straight_open = False
            continue
        if tok in _OPEN:
            depth += 1
            continue
        if tok in _CLOSE or tok == '"':
            if tok == '"':
                was_open = straight_open
                straight_open = not straight_open
                if not was_open:
                    continue
            else:
                depth = max(0, depth - 1)
            # A quotation closing right after an end mark ends the sentence too.
            if depth == 0 and not straight_open and i > 0 and text[i - 1] in ".!?؟…":
                end = m.end()
                while end < n and text[end] in _TRAIL:
                    end += 1
                if end >= n or text[end].isspace():
                    _add(text, start, end, spans)
                    start = end
            continue
        if depth > 0 or straight_open:
            continue
        end = m.end()
        if tok == "." and not _is_boundary_dot(text, i, n):
            continue
        while end < n and text[end] in _TRAIL:
            end += 1
        # A boundary only if followed by whitespace or end of text, or glued to the next
        # sentence's first word (scraped news: "في المدينة.وقال").
        if end < n and not text[end].isspace() and not _glued_boundary(text, i, m.end(), end):
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, n, spans)
    return spans


def _is_boundary_dot(text: str, i: int, n: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < n else " "
    if prev.isdigit() and nxt.isdigit():
        return False
    # Word right before the dot.
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(«“\"":
        j -= 1
    w = text[j:i]
    if w and normalize(w) in _ABBREV:
        return False
    if len(w) == 1 and w.isalpha():
        return False
    # Latin initials such as U.N.
    if "." in w and all(len(p) <= 1 for p in w.split(".")):
        return False
    return True


# Domain endings written in Arabic letters: سوق.كوم is a web address, not two sentences.
_DOMAINS = frozenset(normalize(d) for d in ("كوم", "نت", "أورغ", "أورج", "اورغ", "سا", "إنفو"))


def _letters(text: str, i: int, step: int) -> int:
    """How many Arabic letters (and marks) run from ``i`` in direction ``step``."""
    k = i
    n = len(text)
    while 0 <= k < n and (is_arabic_letter(text[k]) or normalize(text[k]) == ""):
        k += step
    return abs(k - i)


def _glued_boundary(text: str, s: int, e: int, end: int) -> bool:
    """An end mark with no space after it ends a sentence where an Arabic word follows it
    and it is not inside an acronym (بي.بي.سي, تي.إن.تي), a web address (سوق.كوم) or a
    run with Latin letters or slashes (www.spa.gov.sa); digits only before the dot.

    ``text[s:e]`` is the mark run, ``end`` the first character after it and its closing
    quotes/brackets. Only a single ``.`` or a run of ``؟?!`` counts: a glued ``..`` is
    mostly a pause inside a sentence in opinion pieces."""
    mark = text[s:e]
    if not (mark == "." or all(c in "؟?!" for c in mark)):
        return False
    n = len(text)
    after = _letters(text, end, 1)
    if after < 2 or not is_arabic_letter(text[end]):
        return False
    if mark != ".":
        return True
    j = s
    while j > 0 and text[j - 1] in _TRAIL:
        j -= 1
    before = _letters(text, j - 1, -1) if j > 0 else 0
    if not before:
        # A year or number ends the sentence (عام 2015.وقال); one digit is a list item.
        k = j
        while k > 0 and text[k - 1].isdigit():
            k -= 1
        if j - k < 2:
            return False
    # A short word before an unclosed dot is an acronym part (بي.بي, سي.إن).
    elif before < (1 if j < s else 3):
        return False
    a = s
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < n and not text[b].isspace():
        b += 1
    run = text[a:b]
    if run.count(".") > 1 or any(c.isascii() and (c.isalpha() or c in "/@:") for c in run):
        return False
    if any(c.isdigit() for c in text[end:b]):
        return False
    return normalize(text[end:end + after]) not in _DOMAINS


def _add(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
