"""Choosing the package chain from a language to English: direct, or a pivot through one language."""

from __future__ import annotations

from .models import InstalledPackage


def route_to(source: str, target: str, packages: list[InstalledPackage]) -> list[InstalledPackage] | None:
    """The packages to chain for `source`->`target`: [direct], [source->X, X->target], or None."""
    by_pair = {}
    for pkg in packages:
        by_pair.setdefault((pkg.from_code, pkg.to_code), pkg)
    if (source, target) in by_pair:
        return [by_pair[(source, target)]]
    # prefer pivoting through English-adjacent hubs Argos models are trained around
    middles = sorted({p.to_code for p in packages if p.from_code == source}, key=lambda c: (c != "en", c))
    for middle in middles:
        if (middle, target) in by_pair:
            return [by_pair[(source, middle)], by_pair[(middle, target)]]
    return None
