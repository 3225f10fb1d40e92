"""What the citizens say, defined once for the desk's reports and the central system's: the citizens' own
survey answers (answers, mean overall 1-5, share who found the promised date kept, share who found the
service clear) **beside** — never mixed with — the ratings clerks typed at delivery (count, mean), and the
complaints, per service, unit or clerk. Pure functions on plain values: each side reads its own store.

Which period: survey answers by the local day they were given, clerk ratings by the local day of the
delivery, complaints by the local day they were received. A complaint counts against the service and the
clerk of the request it is about (its receipt); a complaint about no receipt counts under "-".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

BY = ("service", "unit", "clerk")
NONE = "-"


@dataclass
class CitizenRow:
    key: str
    label: str = ""
    answers: int = 0  # citizens' survey answers
    overall_sum: int = 0
    kept_yes: int = 0
    kept_answers: int = 0
    clear_yes: int = 0
    clear_answers: int = 0
    clerk_ratings: int = 0  # ratings typed by the clerk at delivery
    clerk_sum: int = 0
    complaints: int = 0

    @property
    def overall_avg(self) -> float | None:
        return round(self.overall_sum / self.answers, 2) if self.answers else None

    @property
    def kept_share(self) -> float | None:
        return round(self.kept_yes / self.kept_answers, 3) if self.kept_answers else None

    @property
    def clear_share(self) -> float | None:
        return round(self.clear_yes / self.clear_answers, 3) if self.clear_answers else None

    @property
    def clerk_avg(self) -> float | None:
        return round(self.clerk_sum / self.clerk_ratings, 2) if self.clerk_ratings else None

    def add(self, other: CitizenRow) -> None:
        for name in ("answers", "overall_sum", "kept_yes", "kept_answers", "clear_yes", "clear_answers",
                     "clerk_ratings", "clerk_sum", "complaints"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_json(self) -> dict[str, object]:
        return {"key": self.key, "label": self.label, "citizen_answers": self.answers,
                "citizen_overall_avg": self.overall_avg, "citizen_promised_kept_share": self.kept_share,
                "citizen_clear_share": self.clear_share, "clerk_ratings": self.clerk_ratings,
                "clerk_rating_avg": self.clerk_avg, "complaints": self.complaints}  # fmt: skip


@dataclass
class CitizensReport:
    by: str
    date_from: dt.date
    date_to: dt.date
    rows: list[CitizenRow] = field(default_factory=list)
    total: CitizenRow = field(default_factory=lambda: CitizenRow("*"))

    def as_json(self) -> dict[str, object]:
        return {"by": self.by, "date_from": self.date_from.isoformat(), "date_to": self.date_to.isoformat(),
                "rows": [r.as_json() for r in self.rows], "total": self.total.as_json()}  # fmt: skip

    def as_table(self) -> str:
        def f(v: float | None, pct: bool = False) -> str:
            return "-" if v is None else (f"{v * 100:.0f}%" if pct else f"{v:.2f}")

        head = (f"{'key':<24} {'answers':>7} {'overall':>7} {'kept':>5} {'clear':>5} | {'clerk n':>7} {'clerk':>5} | "
                "complaints")
        lines = [head]
        for r in [*self.rows, self.total]:
            lines.append(f"{r.key[:24]:<24} {r.answers:>7} {f(r.overall_avg):>7} {f(r.kept_share, True):>5} "
                         f"{f(r.clear_share, True):>5} | {r.clerk_ratings:>7} {f(r.clerk_avg):>5} | {r.complaints}")
        return "\n".join(lines)


def build(by: str, date_from: dt.date, date_to: dt.date, *,
          answers: Iterable[tuple[str, int, bool | None, bool | None]],
          clerk_ratings: Iterable[tuple[str, int]], complaints: Iterable[str],
          labels: dict[str, str] | None = None) -> CitizensReport:  # fmt: skip
    """The report from what each side read for the period: ``answers`` (group, overall, promised kept,
    clear), ``clerk_ratings`` (group, rating), ``complaints`` (the group of the request each is about)."""
    if by not in BY:
        raise ValueError(f"unknown grouping {by!r}")
    rows: dict[str, CitizenRow] = {}

    def row(key: str | None) -> CitizenRow:
        k = key or NONE
        return rows.setdefault(k, CitizenRow(k, (labels or {}).get(k, k)))

    for key, overall, kept, clear in answers:
        r = row(key)
        r.answers += 1
        r.overall_sum += overall
        if kept is not None:
            r.kept_answers += 1
            r.kept_yes += bool(kept)
        if clear is not None:
            r.clear_answers += 1
            r.clear_yes += bool(clear)
    for key, rating in clerk_ratings:
        r = row(key)
        r.clerk_ratings += 1
        r.clerk_sum += rating
    for key in complaints:
        row(key).complaints += 1
    report = CitizensReport(by, date_from, date_to, sorted(rows.values(), key=lambda r: r.key))
    for r in report.rows:
        report.total.add(r)
    return report
