"""Draw theme/icon-source.png, the one image the build makes the site's icons from (run once by hand).

The drawing is the logo (theme/overrides/assets/images/logo.svg: a white disc with a rounded
cross, on a 24-unit grid) at 1024 px, supersampled four times for smooth edges.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from scripts import REPO_ROOT

SIZE = 1024
SUPERSAMPLE = 4
BRAND = "#0b5c75"
TARGET = REPO_ROOT / "theme" / "icon-source.png"


def draw_icon() -> Image.Image:
    """Return the logo on a transparent square."""
    big = SIZE * SUPERSAMPLE
    unit = big / 24
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((unit * 1, unit * 1, unit * 23, unit * 23), fill="#ffffff")
    radius = unit * 2
    draw.rounded_rectangle((unit * 10, unit * 4.5, unit * 14, unit * 19.5), radius=radius, fill=BRAND)
    draw.rounded_rectangle((unit * 4.5, unit * 10, unit * 19.5, unit * 14), radius=radius, fill=BRAND)
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    draw_icon().save(TARGET, optimize=True)
    print(f"wrote {TARGET}")
