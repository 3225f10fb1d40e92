"""The rulebook: what a change to a request may be, checked with the same functions at every point that
accepts one — the desk's write path (:mod:`frontdesk.workflow`), the central server's apply path
(:mod:`frontdesk.central.batch`) and the desk's pull path (:mod:`frontdesk.pull`).

The rules, on plain values and wire models, with no store and no I/O, one module per kind of rule:

* **who may** do what (:mod:`frontdesk.rules.roles`: :data:`ACTION_ROLES`, :func:`check_role`,
  :func:`check_actor` for an actor as the central system knows them at the time of the act);
* **the lifecycle** (:mod:`frontdesk.rules.transitions`: :func:`check_transition`; :func:`status_change`,
  :func:`assign_change`, :func:`void_change` compute what a change writes, so both ends write the same
  fields);
* **receipt ownership** (:mod:`frontdesk.rules.origin`, :func:`check_receipt`): the unit and workstation
  prefix of the sender, a valid check character, a counter the workstation has reached;
* **the time window** (:mod:`frontdesk.rules.origin` too: :func:`check_op_time`, :func:`check_pulled_time`);
* **sizes and text** (:mod:`frontdesk.rules.fields`: :func:`clean_line`, :func:`clean_para`; the wire schema
  bounds every field with :mod:`frontdesk.limits` as well);
* **event data** (:mod:`frontdesk.rules.events`: :func:`check_event_data`, :func:`check_event`);
* whole messages (:mod:`frontdesk.rules.snapshots`): :func:`check_intake`, :func:`check_pulled_request`,
  :func:`check_pulled_state`.

The modules import each other in one direction only: ``snapshots`` builds on ``events``, ``fields`` and
``origin``; the others stand alone. Callers use the names this package re-exports
(``rules.check_intake(...)``, ``from frontdesk.rules import clean_line``).

A broken rule raises a :class:`frontdesk.errors.FrontdeskError` subclass whose ``reason`` is the wire
rejection code and whose text is an English template marked for translation: the desk shows it in the
user's language, the server answers the op with ``reason`` and the English sentence, the pull path sets the
change aside with both. See docs/security.md.
"""

from __future__ import annotations

from .events import SURVEY_CHANNELS, check_event, check_event_data
from .fields import check_fee, check_public_url, clean_line, clean_para
from .origin import check_op_time, check_pulled_time, check_receipt, skew_allowance
from .roles import (
    ACTION_ROLES,
    COUNTER_ROLES,
    ROLES,
    ActorFacts,
    UserVersion,
    action_of,
    allowed_targets,
    check_actor,
    check_role,
    may,
)
from .snapshots import check_citizen_side, check_due_date, check_intake, check_pulled_request, check_pulled_state
from .transitions import VOIDABLE, assign_change, check_transition, status_change, survey_change, void_change

__all__ = [
    "ACTION_ROLES",
    "COUNTER_ROLES",
    "ROLES",
    "SURVEY_CHANNELS",
    "VOIDABLE",
    "ActorFacts",
    "UserVersion",
    "action_of",
    "allowed_targets",
    "assign_change",
    "check_actor",
    "check_citizen_side",
    "check_due_date",
    "check_event",
    "check_event_data",
    "check_fee",
    "check_intake",
    "check_op_time",
    "check_public_url",
    "check_pulled_request",
    "check_pulled_state",
    "check_pulled_time",
    "check_receipt",
    "check_role",
    "check_transition",
    "clean_line",
    "clean_para",
    "may",
    "skew_allowance",
    "status_change",
    "survey_change",
    "void_change",
]
