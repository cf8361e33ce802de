#!/usr/bin/python3
"""Outside check of pattern folders (as `cuddlies.jar pattern IMAGE -o DIR` writes them), independent of
the Java code: reads pattern.json with shapely and pattern.dxf with ezdxf (Debian: python3-shapely,
python3-ezdxf) and prints one line per pattern:
  - the turning gap's midpoint lies on the body's outline: the stitch polygon opened by 30 % of its
    largest inscribed radius (distance in mm, must be < 1);
  - no piece narrower than the minimum width: how far any part of a piece reaches out of the piece
    opened to that width (a square corner reaches 0.41 x half the width, 5.2 mm at 25 mm; must be < 6);
  - no slit under two seam allowances: widest residue of a closing by one seam allowance (must be < 1);
  - every printed sheet holds a line or label of its own, outside the overlaps it shares;
  - the DXF opens in ezdxf with one block per piece, each with a closed boundary on layer 1.
Usage: scripts/check-patterns.py DIR [DIR...]   (exit 1 when any check fails)
"""
import json
import sys
from pathlib import Path

import ezdxf
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import polylabel, unary_union

PAPER = {"A4": (210.0, 297.0), "LETTER": (215.9, 279.4)}
MARGIN, OVERLAP = 10.0, 10.0


def largest(g):
    parts = getattr(g, "geoms", [g])
    return max(parts, key=lambda p: p.area)


def inscribed_radius(p):
    return p.exterior.distance(polylabel(p, tolerance=0.1))


def widest_residue(residue):
    best = 0.0
    for part in getattr(residue, "geoms", [residue]):
        if part.is_empty or part.area < 1 or part.geom_type != "Polygon":
            continue
        w = 2 * inscribed_radius(part)
        best = max(best, w if w >= 1.0 else 0.0)
    return best


def check(folder):
    pattern = json.loads((folder / "pattern.json").read_text())
    seam, min_width = pattern["seamMm"], pattern["minWidthMm"]
    gap_off = narrow = slit = 0.0
    lines = []
    for piece in pattern["pieces"]:
        stitch = Polygon(piece["stitch"])
        lines += [stitch.exterior, Polygon(piece["cutLine"]).exterior, box(*piece["labelBox"])]
        if piece.get("turningGap"):
            r = 0.3 * inscribed_radius(stitch)
            body = largest(stitch.buffer(-r, 16).buffer(r, 16))
            (x1, y1), (x2, y2) = piece["turningGap"]
            mid = piece.get("turningGapMid") or [(x1 + x2) / 2, (y1 + y2) / 2]
            gap_off = max(gap_off, body.exterior.distance(Point(mid)))
        h = min_width / 2 - 0.25
        opened = stitch.buffer(-h, 16).buffer(h, 16)
        narrow = max(narrow, max(opened.distance(Point(c)) for c in stitch.exterior.coords))
        s = seam - 0.25
        slit = max(slit, widest_residue(stitch.buffer(s, 16).buffer(-s, 16).difference(stitch)))
    sheets = pattern["sheets"]
    w, h = PAPER[sheets["paper"]]
    pw, ph = w - 2 * MARGIN, h - 2 * MARGIN
    drawn = unary_union(lines)
    blank = 0
    for name in sheets["printed"]:
        row = ord(name[0]) - ord("A")
        col = int(name[1:]) - 1
        x0, y0 = col * (pw - OVERLAP), row * (ph - OVERLAP)
        own = box(x0 + (OVERLAP if col > 0 else 0), y0 + (OVERLAP if row > 0 else 0),
                  x0 + pw - (OVERLAP if col + 1 < sheets["columns"] else 0),
                  y0 + ph - (OVERLAP if row + 1 < sheets["rows"] else 0))
        if not drawn.intersects(own) and not (row == 0 and col == 0):
            blank += 1
    doc = ezdxf.readfile(str(folder / "pattern.dxf"))
    names = {p["name"].replace(" ", "_") for p in pattern["pieces"]}
    blocks = {b.name for b in doc.blocks if not b.name.startswith("*")}
    bounded = all(any(e.dxftype() == "POLYLINE" and e.dxf.layer == "1" and e.is_closed for e in doc.blocks[n])
                  for n in names if n in blocks)
    dxf_ok = names <= blocks and bounded and len(doc.modelspace().query("INSERT")) == len(names)
    ok = gap_off < 1 and narrow < 6 and slit < 1 and blank == 0 and dxf_ok
    print(f"{folder.name}: gap off body outline {gap_off:.2f} mm, narrow reach {narrow:.1f} mm, slit {slit:.1f} mm,"
          f" sheets {len(sheets['printed'])} printed ({blank} blank), DXF {'ok' if dxf_ok else 'FAIL'}"
          f" -> {'PASS' if ok else 'FAIL'}")
    return ok


if __name__ == "__main__":
    results = [check(Path(d)) for d in sys.argv[1:]]
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    sys.exit(0 if all(results) else 1)
