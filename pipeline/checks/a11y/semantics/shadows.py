"""How text shadows change the contrast of letters, estimated without drawing them (as axe-core estimates it).

A shadow blurred by a fifth of the font size or more is a haze: it tints what lies behind the
letters, the more faintly the wider its blur (opacity 0.185 / (blur / font size + 0.4), axe-core's
estimate from its own rendering tests). A shadow blurred less is a halo close around the letters,
at that opacity, which can set them off their background. Unblurred shadows moved by more than half
a pixel to all four sides draw an outline around the letters (opaque beyond 1.5 px, fainter below);
on two or three sides only they draw a partial outline whose effect only drawing tells (None).
A shadow moved further than its blur does not touch the letters.
"""

from __future__ import annotations

from .colour import TRANSPARENT, Colour, contrast_ratio

Shadow = tuple[Colour, float, float, float]  # colour, x offset, y offset, blur (px)

HAZE_EM = 0.2  # a blur of this many font sizes or more tints the background (axe-core's shadowOutlineEmMax)
UNBLURRED_EM = 0.001  # a blur below this is none: the shadow is an outline if it is moved all round
VISIBLE_PX, OPAQUE_PX, OUTLINE_ALPHA = 0.5, 1.5, 0.54
_SIDES = ("top", "right", "bottom", "left")


def blur_opacity(blur: float, size: float) -> float:
    """How opaque a shadow blurred by `blur` px looks behind letters `size` px high."""
    return 1.0 if blur == 0 else 0.185 / (blur / size + 0.4)


def _blurred(shadow: Shadow, size: float) -> Colour:
    colour, dx, dy, blur = shadow
    if abs(dx) > blur or abs(dy) > blur:
        return TRANSPARENT  # moved off the letters
    return colour.faded(blur_opacity(blur, size))


def _outlines(shadows: list[Shadow], strict: bool) -> list[Colour] | None:
    """The outline each colour of unblurred shadows draws; None (when strict) for one on 2 or 3 sides."""
    sides: dict[Colour, dict[str, list[float]]] = {}
    for colour, dx, dy, _ in shadows:
        moved = sides.setdefault(colour, {side: [] for side in _SIDES})
        if abs(dx) > VISIBLE_PX:
            moved["right" if dx > 0 else "left"].append(abs(dx))
        if abs(dy) > VISIBLE_PX:
            moved["bottom" if dy > 0 else "top"].append(abs(dy))
    outlines = []
    for colour, moved in sides.items():
        covered = sum(1 for offsets in moved.values() if offsets)
        if strict and 1 < covered < 4:
            return None
        if covered == 4:
            solid = all(offset > OPAQUE_PX for offsets in moved.values() for offset in offsets)
            density = sum(len(offsets) for offsets in moved.values()) / 4
            outlines.append(colour if solid else colour._replace(alpha=1 - OUTLINE_ALPHA ** density))
    return outlines


def shadow_colours(shadows: list[Shadow], size: float, least_em: float, most_em: float | None,
                   strict: bool) -> list[Colour] | None:
    """The colours the shadows blurred at least `least_em` (and under `most_em`) font sizes paint, top first.

    Shadows blurred less count as outlines. None when an outline covers two or three sides and `strict`.
    """
    colours: list[Colour] = []
    unblurred: list[Shadow] = []
    for shadow in shadows:
        blur = shadow[3]
        if most_em is not None and blur >= size * most_em:
            continue
        if blur < size * least_em:
            unblurred.append(shadow)
            continue
        colours.append(_blurred(shadow, size))
    outlines = _outlines(unblurred, strict) if unblurred else []
    return None if outlines is None else outlines + colours


def flatten(colours: list[Colour], below: Colour) -> Colour:
    """Colours painted over `below`, the first on top (as CSS paints shadows)."""
    for colour in reversed(colours):
        below = colour.over(below)
    return below


def shadowed_contrast(text: Colour, background: Colour, shadows: list[Shadow], size: float) -> tuple[float, Colour] | None:
    """The contrast letters reach with their shadows, and the background they are seen on; None if only drawing tells.

    The haze tints the background; a halo passes the text if it stands off the letters or off the
    background enough (the best of the three contrasts counts).
    """
    halos = shadow_colours(shadows, size, UNBLURRED_EM, HAZE_EM, strict=True)
    if halos is None:
        return None
    behind = flatten(shadow_colours(shadows, size, HAZE_EM, None, strict=False) or [], background)
    ratio = contrast_ratio(text, behind)
    if halos:
        halo = flatten(halos, behind)
        ratio = max(ratio, contrast_ratio(behind, halo), contrast_ratio(halo, text))
    return ratio, behind
