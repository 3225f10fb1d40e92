"""The personal number's text form, on the ground floor: normalised for comparison and masked for what
is shown or printed (receipts, the central console). Validation and the citizen register are in
:mod:`frontdesk.identity`, which re-exports these."""

from __future__ import annotations

MASK_CHAR = "*"


def normalize_nid(text: str) -> str:
    """Remove every whitespace character and uppercase: ``" j0010 1999w "`` → ``"J00101999W"``."""
    return "".join(text.split()).upper()


def mask_nid(nid: str) -> str:
    """Show only the last three characters, for receipts: ``J00101999W`` → ``*******99W``."""
    nid = normalize_nid(nid)
    keep = nid[-3:]
    return MASK_CHAR * (len(nid) - len(keep)) + keep


__all__ = ["MASK_CHAR", "mask_nid", "normalize_nid"]
