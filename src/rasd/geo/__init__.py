"""Rasd geo: the gazetteer, toponym resolution and the ``geo`` pipeline stage.

Public helpers for other stages:

* :func:`nationality` — Arabic nationality adjective → ISO2 (السوداني → SD);
* :func:`geocode` — a place phrase → :class:`rasd.doc.Geo` (or ``None``);
* :func:`geo_precision` — ACLED geo precision (1 town, 2 near/part, 3 region) of a LOC entity.
"""

from __future__ import annotations

from rasd.geo.gazetteer import gazetteer, nationality
from rasd.geo.stage import GeoStage, geo_precision, geocode

__all__ = ["GeoStage", "gazetteer", "geo_precision", "geocode", "nationality"]
