#!/usr/bin/python3
"""Writes the pictures of scripts/bench-outline.sh: each source picture scaled (Lanczos) to about
0.25, 2.5 and 16 megapixels. A drawn cartoon (NAME=SOURCE) is PNG at the two smaller sizes and JPEG
(quality 90) at 16 MP; a photo (NAME=SOURCE:jpg) is JPEG at every size.
Usage: bench_pictures.py OUT_DIR NAME=SOURCE[:jpg]..."""
import os
import sys

from PIL import Image

SIZES = [("0.25MP", 250_000, "png"), ("2.5MP", 2_500_000, "png"), ("16MP", 16_000_000, "jpg")]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for arg in sys.argv[2:]:
        name, source = arg.split("=", 1)
        photo = source.endswith(":jpg")
        source = source[:-4] if photo else source
        image = Image.open(source).convert("RGB")
        for label, pixels, kind in SIZES:
            factor = (pixels / (image.width * image.height)) ** 0.5
            scaled = image.resize((round(image.width * factor), round(image.height * factor)), Image.LANCZOS)
            kind = "jpg" if photo else kind
            path = os.path.join(out, "%s-%s.%s" % (name, label, kind))
            if kind == "png":
                scaled.save(path, optimize=False)
            else:
                scaled.save(path, quality=90)
            print(path)


if __name__ == "__main__":
    main()
