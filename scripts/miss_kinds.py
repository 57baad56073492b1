"""What the grouped-miss scripts share: print each kind with its count, then the members of the
kinds whose name holds ``--show`` (for study only: never copy the printed text into tests,
code or resources)."""

from __future__ import annotations


def print_kinds(kinds: dict[str, int], members: dict[str, list], show: str | None,
                text_of, limit: int = 20) -> None:
    """``kinds``: kind -> count, printed largest first; ``members``: kind -> items; with
    ``show``, the first ``limit`` items of each matching kind, as ``text_of(item)`` gives them."""
    for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n:3}  {kind}")
    if not show:
        return
    for kind in members:
        if show.lower() in kind.lower():
            print(f"\n== {kind}")
            for item in members[kind][:limit]:
                print(f"  [{item}] {text_of(item)!r}")
