"""Rebuild ``assets/countries.csv`` from the vendored TopoJSON (needs the ``build`` extra).

    python -m pactscope.assess.assets_build

One row per country feature of ``countries-110m.json``: ISO3 (via pycountry from the
feature's ISO numeric id), the numeric id as written in the file, the name, and a bounding
box in degrees. The box covers the feature's polygons of at least an eighth of the largest
polygon's area, so small outlying pieces (Russia's Chukotka east of 180 degrees, the
Aleutians) do not stretch it across the map.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

ASSETS = Path(__file__).parent / "assets"
TOPOLOGY = ASSETS / "countries-110m.json"
COUNTRIES = ASSETS / "countries.csv"


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Decode the delta-encoded, quantized arcs into lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(arcs, indices: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(part)
    return points


def _unwrap(ring):
    """Shift western longitudes by 360 degrees in a ring that crosses the antimeridian."""
    xs = [x for x, _ in ring]
    if max(xs) - min(xs) <= 180:
        return ring
    return [(x + 360 if x < 0 else x, y) for x, y in ring]


def _area(ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2


def _polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def bbox(arcs, geometry: dict) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of the feature's main polygons (outer rings only); east may
    pass 180 for a country across the antimeridian."""
    rings = [_unwrap(_ring(arcs, poly[0])) for poly in _polygons(geometry)]
    if not rings:
        return None
    areas = [_area(r) for r in rings]
    big = [r for r, a in zip(rings, areas) if a >= max(areas) / 8]
    xs = [x for r in big for x, _ in r]
    ys = [y for r in big for _, y in r]
    return min(xs), min(ys), max(xs), max(ys)


def rows() -> list[dict]:
    import pycountry

    topology = json.loads(TOPOLOGY.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    out = []
    for g in topology["objects"]["countries"]["geometries"]:
        num = g.get("id")
        country = pycountry.countries.get(numeric=num) if num else None
        box = bbox(arcs, g)
        if country is None or box is None:
            continue
        out.append({
            "iso3": country.alpha_3, "iso_num": num, "name": g["properties"]["name"],
            "west": round(box[0], 2), "south": round(box[1], 2), "east": round(box[2], 2), "north": round(box[3], 2),
        })
    return sorted(out, key=lambda r: r["iso3"])


def main() -> None:
    table = rows()
    with COUNTRIES.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    print(f"wrote {len(table)} countries to {COUNTRIES}")


if __name__ == "__main__":
    main()
