"""Every size, range and time limit of the rulebook, in one place.

The wire schema (:mod:`frontdesk.wire`) bounds its fields with these numbers; the rules
(:mod:`frontdesk.rules`) check the same numbers on the desk's write path, at the central server's apply
path and on the desk's pull path; the HTTP layers size their buffers from them. docs/security.md lists
them in plain words.
"""

from __future__ import annotations

import datetime as dt

# ---------------------------------------------------------------------------------------- text
MAX_NAME = 200  # a citizen's or a user's full name
MAX_NOTE = 2000  # a note on a request (multi-line)
MAX_REASON = 500  # why a request was rejected, cancelled, voided or reassigned
MAX_USERNAME = 64
MAX_PHONE = 40
MAX_CODE = 32  # a service or document code
MAX_COLLECTOR_ID = 40  # the identity document number of a person collecting a result for a citizen
MAX_MESSAGE = 500  # a server's message about one op
MAX_EMAIL = 254  # a citizen's contact e-mail address (RFC 5321's path limit)
MAX_COMMENT = 1000  # a citizen's comment in the satisfaction survey, or an online complaint's text
MAX_URL = 200  # the municipality's public address (the status page's base)
LOOKUP_CODE_LENGTH = 6  # the short code printed on a receipt for the public status lookup

# ---------------------------------------------------------------------------------------- numbers
MAX_FEE = 100_000_000  # lek: a service's fee in the catalogue and the fee paid for one request
MAX_STANDARD_DAYS = 365
MAX_VERSION = 2**31 - 1
MAX_COUNTER = 9_999_999  # receipt counter: 7 digits is the most a 20-character receipt number can carry
MAX_COPIES = 10_000
MAX_VISIT = 100  # requests of one visit
MAX_SEQ = 2**62

# ---------------------------------------------------------------------------------------- collections
MAX_DOCUMENTS = 50  # document codes on one request
MAX_EVENT_DATA_BYTES = 4096  # an event's ``data`` as compact JSON
MAX_EVENT_DATA_DEPTH = 2  # nested objects or lists inside an event's ``data``
MAX_EVENTS_PER_SYNC = 500  # history events a ``request.sync`` op may carry
MAX_OPS_PER_PUSH = 1000
MAX_USERS_OFFERED = 200  # local users a desk offers at enrolment
MAX_SERVICE_BYTES = 64 * 1024  # one local service in catalogue form, as compact JSON
MAX_JSON_DEPTH = 32  # any request body the central server accepts

# ---------------------------------------------------------------------------------------- bytes on the wire
MAX_PUSH_BYTES = 16 * 1024 * 1024  # a push body after decompression
MAX_PULL_PAGE_BYTES = 2 * 1024 * 1024  # the server closes a page of changes before this many bytes
MAX_ANSWER_BYTES = 32 * 1024 * 1024  # the desk reads at most this much of any answer (after decompression)
ANSWER_DEADLINE = 120.0  # seconds: the desk gives up on an answer that takes longer in total

# ---------------------------------------------------------------------------------------- sync cycle
MAX_PAGES_PER_CYCLE = 400  # pull pages one sync cycle follows before it ends (the next cycle goes on)
MAX_PUSHES_PER_CYCLE = 400
MAX_EPOCH_CHANGES_PER_CYCLE = 1

# ---------------------------------------------------------------------------------------- time
EARLIEST = dt.datetime(2020, 1, 1)  # no stored time is older (naive UTC)
LATEST_YEAR = 2100  # nor later than this year: year 9999 stays out of every date computation
TIME_PAST = dt.timedelta(days=90)  # an op may be this old when it reaches the server (a desk offline for weeks)
TIME_FUTURE = dt.timedelta(minutes=10)  # … and this far ahead of the server's clock, beyond the desk's skew
MAX_SKEW = dt.timedelta(days=1)  # the most of a desk's measured clock skew the server allows for
PULL_FUTURE = dt.timedelta(days=2)  # a pulled time may be this far ahead of the desk's own clock
RESYNC_WINDOW = dt.timedelta(days=30)  # a re-push after an epoch change is accepted this long after the change
MAX_DUE_DAYS = 3 * 366  # a promised date at most this many days after its request was received

# ---------------------------------------------------------------------------------------- citizens
COMPLAINT_SERVICE = "ANKESE"  # the catalogue's complaint service (Ankesë): its own standard, routed to a supervisor
SURVEY_STATUSES = frozenset({"delivered", "rejected", "returned"})  # after which a citizen's survey is open
