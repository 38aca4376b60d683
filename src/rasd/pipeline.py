"""A small pipeline of stages, each a callable ``Doc -> Doc`` that declares what it
requires and what it provides (like spaCy components or stanza processors).

Stages are found by name in :data:`STAGES` (``"module:factory"``, imported lazily so
an unused stage costs nothing) and configured from TOML::

    [pipeline]
    stages = ["text", "ner", "entities", "geo", "time", "events"]

    [stages.ner]
    model = "default"
"""

from __future__ import annotations

import importlib
import tomllib
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from rasd.doc import Doc
from rasd.errors import ConfigError

#: Stage name → "module:factory". The factory takes the stage's TOML table as kwargs.
STAGES: dict[str, str] = {
    "text": "rasd.text.stage:TextStage",
    "ner": "rasd.ner.stage:NerStage",
    "entities": "rasd.kb.stage:EntityStage",
    "geo": "rasd.geo.stage:GeoStage",
    "time": "rasd.time.stage:TimeStage",
    "events": "rasd.events.stage:EventStage",
}


@runtime_checkable
class Stage(Protocol):
    """What a pipeline stage looks like."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


def load_stage(name: str, **options: Any) -> Stage:
    """Build the stage registered under ``name`` with its options."""
    try:
        target = STAGES[name]
    except KeyError:
        raise ConfigError(f"unknown stage {name!r} (known: {', '.join(STAGES)})") from None
    module, _, attr = target.partition(":")
    try:
        factory = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"stage {name!r} is not available: {exc}") from exc
    return factory(**options)


class Pipeline:
    """Runs stages in order after checking each one's requirements are provided earlier."""

    def __init__(self, stages: list[Stage], config: dict[str, Any] | None = None) -> None:
        have: set[str] = set()
        for st in stages:
            missing = [r for r in st.requires if r not in have]
            if missing:
                raise ConfigError(
                    f"stage {st.name!r} requires {', '.join(missing)}, which no earlier stage provides"
                )
            have.update(st.provides)
        self.stages = stages
        self.config = config or {}
        self.max_chars = int(self.config.get("limits", {}).get("max_chars", 2_000_000))

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    @classmethod
    def from_config(cls, config: str | Path | dict[str, Any] | None = None) -> "Pipeline":
        """A pipeline from a TOML file, a dict, or the shipped default config."""
        if config is None:
            cfg = default_config()
        elif isinstance(config, dict):
            cfg = config
        else:
            try:
                cfg = tomllib.loads(Path(config).read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise ConfigError(f"config file not found: {config}") from None
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{config}: invalid TOML: {exc}") from None
        names = cfg.get("pipeline", {}).get("stages")
        if not isinstance(names, list) or not names:
            raise ConfigError("config needs [pipeline] stages = [...] with at least one stage")
        opts = cfg.get("stages", {})
        stages = [load_stage(n, **opts.get(n, {})) for n in names]
        return cls(stages, cfg)

    def __call__(self, doc: Doc) -> Doc:
        for st in self.stages:
            doc = st(doc)
        doc.meta.setdefault("stages", self.names)
        doc.scratch.clear()
        return doc

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        """Process documents one after another (see :mod:`rasd.batch` for parallel runs)."""
        for d in docs:
            yield self(d)


def default_config() -> dict[str, Any]:
    """The shipped default configuration (``rasd/config/default.toml``)."""
    data = resources.files("rasd.config").joinpath("default.toml").read_text(encoding="utf-8")
    return tomllib.loads(data)
