"""Where an HTML block stands in the page's tree: how much of the page's prose its containers hold.

An article's paragraphs, headings and lists sit together in one element (the main box), and
the chrome around them in others: menus full of links, sidebars with a line or two of prose.
`measure_boxes(facts)` sets `LineFacts.box` on each block of an HTML page (from the element
numbers `ingest/html.py` gives it, `LineFacts.boxes`) to the measures both line models read
(see `BOX_FEATURES`); a page dump has no tree, and its lines keep zeros.
"""

from __future__ import annotations

from .linepatterns import LineFacts

MAIN_SHARE = 0.5  # the main box is the innermost element holding this share of the page's prose
FAR = 4  # levels between a block and the main box beyond which it counts as far away
BOX_FEATURES = ("in_main", "parent_share", "grand_share", "parent_links", "main_distance")
NO_BOX = (0.0,) * len(BOX_FEATURES)


def measure_boxes(facts: list[LineFacts]) -> None:
    """Set `f.box` on every line (see `BOX_FEATURES`, in that order); zeros when the page has no tree.

    in_main: the block is inside the main box; parent_share, grand_share: the share of the page's
    prose (by characters) inside the block's parent and grandparent elements; parent_links: the
    share of the parent's blocks that are all links; main_distance: how many levels up from the
    main box the block's nearest common element is (0 inside it, 1 when FAR or more).
    """
    if not any(f.boxes for f in facts):
        for f in facts:
            f.box = NO_BOX
        return
    prose: dict[int, int] = {}
    blocks: dict[int, int] = {}
    links: dict[int, int] = {}
    depth: dict[int, int] = {}
    total = 0
    for f in facts:
        chars = len(f.seg.text) if f.prose else 0
        total += chars
        linked = "link" in f.roles
        for d, b in enumerate(f.boxes):
            prose[b] = prose.get(b, 0) + chars
            blocks[b] = blocks.get(b, 0) + 1
            links[b] = links.get(b, 0) + linked
            depth[b] = d
    total = total or 1
    main = max((b for b, c in prose.items() if c >= MAIN_SHARE * total), key=depth.__getitem__, default=None)
    main_path = next((f.boxes[: depth[main] + 1] for f in facts if main is not None and main in f.boxes), ())
    for f in facts:
        boxes = f.boxes
        if not boxes:
            f.box = NO_BOX
            continue
        parent = boxes[-2] if len(boxes) > 1 else boxes[-1]
        grand = boxes[-3] if len(boxes) > 2 else parent
        shared = 0
        for a, b in zip(boxes, main_path):
            if a != b:
                break
            shared += 1
        up = len(main_path) - shared
        f.box = (
            float(bool(main_path) and up == 0),
            prose[parent] / total,
            prose[grand] / total,
            links[parent] / blocks[parent],
            min(up, FAR) / FAR,
        )
