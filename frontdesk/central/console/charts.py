"""The geometry of the console's charts — drawn as SVG by the templates (every text escaped there), with
the table beside each chart as its accessible equivalent. No chart library, no script."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.standards import ReportRow

WIDTH = 760
BAR_H = 22
GAP = 6
LABEL_W = 260


@dataclass(frozen=True)
class Bar:
    y: int
    width: float
    label: str
    value: float | None
    received: int


def on_time_bars(rows: list[ReportRow], *, limit: int = 15) -> tuple[list[Bar], int]:
    """One bar per group (the groups with most requests received first): the share completed within the
    standard. Returns the bars and the chart's height."""
    chosen = sorted(rows, key=lambda r: (-r.received, r.key))[:limit]
    span = WIDTH - LABEL_W - 70
    bars = [Bar(GAP + i * (BAR_H + GAP), (r.on_time_share or 0.0) * span, r.label or r.key, r.on_time_share,
                r.received) for i, r in enumerate(chosen)]  # fmt: skip
    return bars, GAP + len(bars) * (BAR_H + GAP) + 4


@dataclass(frozen=True)
class Month:
    x: float
    width: float
    height: float  # of the received bar
    share_y: float | None  # the on-time point
    label: str
    received: int
    share: float | None


TREND_H = 200
TREND_TOP = 16
TREND_BOTTOM = 36


def trend(rows: list[ReportRow]) -> tuple[list[Month], str, int]:
    """Months in order: a bar for the requests received, a point (joined by a line) for the on-time
    share. Returns the months, the line's points and the largest count (the bars' scale)."""
    rows = sorted(rows, key=lambda r: r.key)
    if not rows:
        return [], "", 0
    top = max(r.received for r in rows) or 1
    inner_w = WIDTH - 80
    step = inner_w / len(rows)
    inner_h = TREND_H - TREND_TOP - TREND_BOTTOM
    months = []
    for i, r in enumerate(rows):
        x = 40 + i * step
        h = inner_h * r.received / top
        share_y = None if r.on_time_share is None else TREND_TOP + inner_h * (1 - r.on_time_share)
        months.append(Month(x + step * 0.15, step * 0.7, h, share_y, r.label or r.key, r.received, r.on_time_share))
    points = " ".join(f"{mo.x + mo.width / 2:.1f},{mo.share_y:.1f}" for mo in months if mo.share_y is not None)
    return months, points, top


__all__ = ["BAR_H", "LABEL_W", "TREND_BOTTOM", "TREND_H", "TREND_TOP", "WIDTH", "Bar", "Month", "on_time_bars",
           "trend"]  # fmt: skip
