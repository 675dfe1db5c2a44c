#!/usr/bin/env python3
"""Draws the extension's toolbar icons (www/extension/icons/icon-N.png): three lines of "text"
on a dark rounded tile, the middle one highlighted. Standard library only; run from anywhere."""
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "www" / "extension" / "icons"


def pixel(fx, fy):
    r = 0.18  # corner radius, as a fraction of the side
    cx, cy = min(max(fx, r), 1 - r), min(max(fy, r), 1 - r)
    if (fx - cx) ** 2 + (fy - cy) ** 2 > r * r:
        return [0, 0, 0, 0]
    for i, line_y in enumerate((0.28, 0.5, 0.72)):
        if abs(fy - line_y) < 0.075 and 0.18 < fx < 0.82:
            return [255, 193, 7, 255] if i == 1 else [230, 230, 230, 255]
    return [32, 33, 36, 255]


def png(n):
    rows = b"".join(
        bytes([0] + [c for x in range(n) for c in pixel((x + 0.5) / n, (y + 0.5) / n)]) for y in range(n)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 48, 128):
        (OUT / f"icon-{size}.png").write_bytes(png(size))
