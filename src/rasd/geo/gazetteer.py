"""The shipped gazetteer: places, their Arabic names and nationality adjectives.

Built by ``scripts/build_geo_gazetteer.py`` into ``rasd/geo/data/*.tsv.gz``; loaded once
per process (:func:`gazetteer`).
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasd.errors import ModelError
from rasd.geo.keys import name_key

#: Local place names (streets, districts, points of interest) with OpenStreetMap points.
LOCAL_NAMES = "idrisi_odbl.tsv.gz"

LEVEL_RANK = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer place."""

    key: str
    geonames_id: int | None
    level: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    name_en: str
    fcode: str

    @property
    def prominence(self) -> float:
        """How likely a bare mention of one of its names means this place (log scale)."""
        if self.level == "country":
            return 9.0
        if self.level == "region":
            return 8.5
        if self.fcode == "PPLC":
            return 7.5
        base = math.log10(self.population + 10)
        if self.level == "admin1":
            return max(base, 5.6)
        if self.level == "admin2":
            return max(base, 4.6)
        return base + (0.4 if self.fcode == "PPLA" else 0.0)


@dataclass(frozen=True, slots=True)
class Entry:
    """The places one normalised name can mean, most prominent first, and its flag."""

    places: tuple[Place, ...]
    flag: str  # strong | weak | adj | ctx


def _read(name: str) -> list[list[str]]:
    try:
        path = resources.files("rasd.geo").joinpath("data", name)
        with path.open("rb") as f:
            text = gzip.decompress(f.read()).decode("utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ModelError(f"gazetteer file {name} is missing or corrupt: {exc}") from exc
    return [ln.split("\t") for ln in text.split("\n") if ln and not ln.startswith("#")]


class Gazetteer:
    """Name → places lookup plus nationality adjectives."""

    def __init__(self, extra: str | list[list[str]] | None = LOCAL_NAMES) -> None:
        """``extra``: the local-names file (name, flag, place fields; see
        ``scripts/build_geo_idrisi.py``), its rows, or ``None`` for the main gazetteer only."""
        self.places: dict[str, Place] = {}
        for fn in ("places.tsv.gz", "places_odbl.tsv.gz"):
            for r in _read(fn):
                k, gid, lvl, cc, a1, lat, lon, pop, en, fc = r
                self.places[k] = Place(k, int(gid) if gid else None, lvl, cc or None, a1 or None,
                                       float(lat), float(lon), int(pop or 0), en, fc)
        self._raw: dict[str, tuple[str, str]] = {}
        for r in _read("names.tsv.gz"):
            self._raw[r[0]] = (r[1], r[2])
        if extra is not None:
            self._add_local(_read(extra) if isinstance(extra, str) else extra)
        self._entries: dict[str, Entry | None] = {}
        self.nationalities: dict[str, tuple[str, bool]] = {}
        for form, cc, flags in _read("nationality.tsv.gz"):
            self.nationalities[form] = (cc, flags == "ambiguous")
        self.by_country = {p.country: p for p in self.places.values() if p.level == "country"}
        self.admin1_index = {(p.country, p.admin1): p for p in self.places.values()
                             if p.level == "admin1"}
        #: Longest name, in words (bounds the n-gram search).
        self.max_words = max((k.count(" ") + 1 for k in self._raw), default=1)
        self.first_words = frozenset(k.split(" ", 1)[0] for k in self._raw)
        # Word-prefixes of multi-word names, so that the n-gram search stops early.
        pre: set[str] = set()
        for k in self._raw:
            if " " in k:
                parts = k.split(" ")
                for i in range(1, len(parts)):
                    pre.add(" ".join(parts[:i]))
        self.prefixes = frozenset(pre)
        #: Every word of every name (a token outside it can only break a name).
        self.all_words = frozenset(w for k in self._raw for w in k.split(" "))

    def _add_local(self, rows: list[list[str]]) -> None:
        # A known name keeps its flag and gains the place as its last candidate (local
        # places have no population: they win through context, never on prominence).
        for name, flag, k, lvl, cc, a1, lat, lon, pop, en, fc in rows:
            if k not in self.places:
                self.places[k] = Place(k, None, lvl, cc or None, a1 or None, float(lat),
                                       float(lon), int(pop or 0), en, fc)
            old = self._raw.get(name)
            if old is None:
                self._raw[name] = (flag, k)
            elif k not in old[1].split(","):
                self._raw[name] = (old[0], old[1] + "," + k)

    def __contains__(self, key: str) -> bool:
        return key in self._raw

    def entry(self, key: str) -> Entry | None:
        """The entry for an already normalised key (see :func:`rasd.geo.keys.name_key`)."""
        e = self._entries.get(key, False)
        if e is not False:
            return e  # type: ignore[return-value]
        raw = self._raw.get(key)
        if raw is None:
            e = None
        else:
            flag, keys = raw
            # Candidates come most prominent first; past the first dozen none ever wins.
            ks = keys.split(",")
            if len(ks) > 12:  # local places (O...) come last but are kept
                ks = ks[:12] + [k for k in ks[12:] if k.startswith("O")]
            e = Entry(tuple(self.places[k] for k in ks if k in self.places), flag)
        self._entries[key] = e
        return e

    def lookup(self, name: str) -> Entry | None:
        """The entry for a name as written (normalised here)."""
        return self.entry(name_key(name))

    def admin1_of(self, place: Place) -> Place | None:
        """The admin1 area a place lies in (``None`` if unknown)."""
        return self.admin1_index.get((place.country, place.admin1))

    def country(self, iso2: str) -> Place | None:
        """The country place for an ISO code."""
        return self.by_country.get((iso2 or "").upper())


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (loaded on first use, then cached)."""
    return Gazetteer()


_CLITICS = ("و", "ف", "ب", "ل", "ك")


def nationality(word: str, allow_ambiguous: bool = False) -> str | None:
    """ISO2 country of an Arabic nationality adjective (السوداني → SD), else ``None``.

    Leading clitics (و ب ل ف ك) are allowed for. Forms whose other reading dominates
    (المالي "financial", اليمنى "right") give ``None`` unless ``allow_ambiguous``.
    Group adjectives that are not nationalities (الحوثي، الكردي) are never matched.
    """
    if not word:
        return None
    k = name_key(word)
    if not k or " " in k:
        return None
    nat = gazetteer().nationalities
    cands = [k]
    if k[0] in _CLITICS and len(k) > 3:
        cands.append(k[1:])
        if k[1] in "بلك" and len(k) > 4:
            cands.append(k[2:])
        if k[1:].startswith("ل") and len(k) > 4:
            cands.append("ا" + k[1:])  # لل → ال
    for c in cands:
        hit = nat.get(c)
        if hit:
            cc, ambiguous = hit
            return cc if (allow_ambiguous or not ambiguous) else None
    return None
