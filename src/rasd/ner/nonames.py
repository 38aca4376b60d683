"""Post-filter for one-word mentions that are no names (function words, honorifics, formulae).

The CRF, and the document propagation after it, sometimes tag a common word as a one-word
person, place or organisation: an honorific pronoun (``سموه`` "His Highness"), a function
word with a clitic (``ولو`` "even if"), the ``الله`` of a religious formula (``رحمه الله``,
``رضي الله عنه``) or a title standing alone (``الشيخ``). Such a word is never a name on its
own, so the tag is dropped after tagging.

Which words: (1) a short hand list of honorific pronouns, formula words and bare titles;
(2) by a general criterion, the very frequent Arabic words (wordfreq Zipf ≥ 5.5; about 160 remain
after the exclusions) that are no name in the gazetteer or the KB snapshot the model
reads, with the word read whole and after its proclitics (``ولو`` → ``لو``). Words with the
article ال are left out of (2) (clubs such as ``الاتحاد`` are common nouns), and so are forms
ending in ي: normalising merges ى into ي, so a frequent function word (``على``)
and a name (``علي``) share one key. MISC is not filtered: ANERcorp tags ``الله`` and
``الإسلام`` as MISC, so that is what the model is trained and scored on. A longer mention
that ends in a formula (``عبد الرحمن رحمه الله``) loses the formula.

Round 2 (session 5): a person mention that starts with a speech verb or a verbal noun
(``وأضاف خالد``, ``قول سامر``, ``تصريحات الوزير``) loses that first word; a one-word
mention that is a Levantine month name next to a Gregorian one (``أبريل (نيسان)``: the
month, not the car maker) is dropped, and so is a one-word mention written with the
accusative tanween (``اضطراريًا`` "in an emergency": an adverb, never a name).
"""

from __future__ import annotations

from functools import lru_cache

from rasd.cache import TwoGen
from rasd.text.normalize import normalize

#: Zipf × 100 at or above which a word not known as a name counts as a function word.
ZIPF_MIN = 550

#: Types the filter applies to (the model's labels and the stage's).
TYPES = frozenset({"PERS", "PER", "ORG", "LOC"})

# Honorifics with a pronoun suffix ("His Highness", "His Excellency", ...), religious
# formula words, and titles: none is a name standing alone.
_HONORIFICS = (
    "سمو جلالة فخامة معالي سعادة فضيلة سماحة دولة حضرة قداسة غبطة نيافة عطوفة"
).split()
_SUFFIXES = ("ه", "ها", "هم", "هما", "كم")
_HAND = (
    "الله لله بالله والله تالله اللهم تعالى سبحانه عز وجل "
    "الشيخ الأمير الملك الرئيس السيد الدكتور الإمام السلطان الوزير المهندس الأستاذ "
    "رحمه رحمها رحمهم رضي يرحمه "
    # interrogative hamza + conjunction + negation ("did ... not"), which the clitic
    # splitter leaves whole
    "أولم أفلم ألم أفلا أولن أفلن"
).split()

# Formula heads that glue "الله" onto the end of a name: "عبد الرحمن رحمه الله",
# "أبي هريرة رضي الله عنه", "الملك سلمان حفظه الله".
_FORMULA_HEADS = "رحمه رحمها رحمهم يرحمه رضي حفظه حفظها حفظهما حفظهم أيده غفر".split()


# Speech verbs and verbal/speech nouns that the CRF glues onto the front of a person name
# ("وقال محمد", "حديث سامر"); none is a first name. Checked whole and after و/ف.
_LEADERS = (
    "قال قالت يقول تقول أضاف أضافت يضيف أكد أكدت يؤكد أوضح أوضحت يوضح أشار أشارت يشير "
    "صرح صرحت أعلن أعلنت كشف كشفت نفى نفت اعتبر اعتبرت لفت لفتت بين بينت طمأن "
    "تابع تابعت أفاد أفادت شدد شددت "
    "قول حديث تصريح تصريحات كلمة تغريدة لقاء زيارة وفاة مقتل اغتيال اعتقال دور "
    "استقبال تعيين انتخاب رحيل إقالة استقالة وصول"
).split()

# Levantine month names and the Gregorian ones printed next to them ("أبريل (نيسان)",
# "تموز (يوليو)"): a month there is no person, place or organisation.
_LEVANT_MONTHS = "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين".split()
_GREG_MONTHS = ("يناير فبراير مارس أبريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس "
                "سبتمبر أكتوبر نوفمبر ديسمبر").split()

# accusative tanween written out (fathatan before/after alif): adverbs such as
# اضطراريًا, أيضًا, سنويًا; a name is not written so
_TANWEEN = ("\u064bا", "ا\u064b", "\u064bى", "ة\u064b")


def _with_suffixes() -> list[str]:
    out = []
    for h in _HONORIFICS:
        stem = h[:-1] + "ت" if h.endswith("ة") else h
        out.extend(stem + s for s in _SUFFIXES)
    return out


@lru_cache(maxsize=1)
def hand_list() -> frozenset[str]:
    """Normalised honorific pronouns, formula words and bare titles."""
    return frozenset(normalize(w) for w in _HAND + _with_suffixes())


@lru_cache(maxsize=4)
def frequent_non_names(names: frozenset[str]) -> frozenset[str]:
    """Very frequent normalised words (Zipf ≥ ``ZIPF_MIN``) that are not in ``names``."""
    from rasd.text.tokens import word_frequencies

    # Definite nouns are left to the hand list: many names are common nouns with the
    # article (the clubs الاتحاد, الهلال; السلام in a company name).
    return frozenset(w for w, z in word_frequencies().items()
                     if z >= ZIPF_MIN and w not in names and not w.endswith("ي")
                     and not w.startswith("ال"))


class NoNameFilter:
    """Drops one-word PER/ORG/LOC tags on words of the hand list or frequent non-names."""

    def __init__(self, names: frozenset[str]) -> None:
        self.words = hand_list() | frequent_non_names(names)
        # one- and two-letter frequent words are function words even where a gazetteer
        # lists a place of that spelling (لو, له, لي: GeoNames transcriptions)
        self.short = frequent_non_names(frozenset())
        self.names = names
        self._memo = TwoGen(20_000)  # word → is_noname; two generations (rasd.cache)

    def _listed(self, k: str) -> bool:
        return k in self.words or (len(k) <= 2 and k in self.short)

    def is_noname(self, word: str) -> bool:
        """Whether ``word`` (a whitespace word, clitics included) is never a name alone."""
        hit = self._memo[word]
        if hit is None:
            from rasd.ner.corpus import split_word

            k = normalize(word)
            hit = self._listed(k)
            if not hit and k not in self.names:  # a listed name is never read as clitic + word
                host = split_word(word)[-1]
                if host != word:
                    hit = self._listed(normalize(host))
                elif k[:1] in ("و", "ف"):
                    # the splitter keeps frequent whole words (ولو "even if"): و/ف + a
                    # function word (not for a listed name: فان is "Van" as well as فإن,
                    # ANERcorp tags فان PERS 5 times; فلو is listed as "Flo")
                    hit = self._listed(k[1:])
            self._memo.put(word, hit)
        return hit

    def apply(self, words: list[str], tags: list[str]) -> bool:
        """Set the tags of one-word no-name mentions to O, cut a leading speech verb off a
        person and a trailing formula (``رحمه الله``) off longer ones, in place; True if
        any tag changed."""
        n = len(tags)
        changed = False
        for i, t in enumerate(tags):
            if t[:2] != "B-" or t[2:] not in TYPES:
                continue
            j = i + 1
            while j < n and tags[j] == "I-" + t[2:]:
                j += 1
            if j == i + 1:
                w = words[i]
                if (self.is_noname(w) or w.endswith(_TANWEEN)
                        or (w in _LEVANT_RAW and _near_month(words, i))):
                    tags[i] = "O"
                    changed = True
                continue
            if t[2:] in ("PERS", "PER") and _is_leader(words[i]):
                # "وأضاف خالد الفيصل" → "خالد الفيصل": the name starts after the verb
                tags[i] = "O"
                tags[i + 1] = t
                changed = True
                continue  # the next position now starts the mention: checked in turn
            for k in range(i + 1, j - 1):  # a formula head inside, "الله" after it
                if normalize(words[k]) in _HEADS and normalize(words[k + 1]) == _ALLAH:
                    for m in range(k, j):
                        tags[m] = "O"
                    changed = True
                    break
        return changed


_HEADS = frozenset(normalize(w) for w in _FORMULA_HEADS)
_ALLAH = normalize("الله")
_MONTHS = frozenset(normalize(w) for w in _LEVANT_MONTHS + _GREG_MONTHS)


def _raw_forms(words: list[str]) -> frozenset[str]:
    """The words as written and with bare alif for أ/إ/آ (a raw set lookup costs no
    normalisation on the per-mention path; text with vowel marks is simply not matched)."""
    out = set(words)
    out.update(w.translate(_BARE_ALIF) for w in words)
    return frozenset(out)


_BARE_ALIF = str.maketrans("أإآ", "ااا")
_LEAD_RAW = _raw_forms([c + w for w in _LEADERS for c in ("", "و", "ف")])
_LEVANT_RAW = _raw_forms(_LEVANT_MONTHS)


def _is_leader(word: str) -> bool:
    """Whether ``word`` is a speech verb / verbal noun, also after a conjunction و/ف."""
    return word in _LEAD_RAW


def _near_month(words: list[str], i: int) -> bool:
    """Whether another month name stands within two words of ``words[i]`` (brackets and
    commas skipped): "أبريل (نيسان)", "نيسان/أبريل"."""
    for step in (-1, 1):
        k, seen = i + step, 0
        while 0 <= k < len(words) and seen < 2:
            w = words[k].strip("()[]«»\"'،,-–—/")
            if w:
                if normalize(w) in _MONTHS:
                    return True
                seen += 1
            k += step
    return False
