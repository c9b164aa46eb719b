"""Press values for a theme's colours: prints each ``[colors]`` entry as the theme should hold it,
``name = { rgb = "#RRGGBB", cmyk = [C, M, Y, K] }`` (percent), converted once as the print PDF
needs it — greys as black ink alone, other colours through the output profile (FOGRA39 by
default; ``--profile FILE.icc`` for the print shop's own). Paste the lines into the theme.

    python scripts/theme_colours.py resources/themes/default.toml [--profile FILE.icc]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bulletin_app.exporters.colour import process_colour


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("theme", type=Path)
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args()
    colours = tomllib.loads(args.theme.read_text(encoding="utf-8")).get("colors", {})
    for name, value in colours.items():
        hex_value = value if isinstance(value, str) else str(value.get("rgb", ""))
        cmyk = ", ".join(f"{round(v * 100, 1):g}" for v in process_colour(hex_value, args.profile))
        print(f'{name} = {{ rgb = "{hex_value}", cmyk = [{cmyk}] }}')


if __name__ == "__main__":
    main()
