"""The errors of the central server: :class:`CentralError` and its kinds (each an HTTP status, a protocol
error code, an exit code for ``frontdesk-central`` and one English sentence), and :class:`Rejected` for
one op of a push (the others go on)."""

from __future__ import annotations

from typing import Any

from frontdesk import wire as p


class CentralError(Exception):
    """An error a client or an administrator can meet: an HTTP status, a protocol error code, an exit
    code for the command line, and one English sentence."""

    status = 400
    code = "bad_request"
    exit_code = 3

    def __init__(self, message: str, *, detail: dict[str, Any] | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}
        if code is not None:
            self.code = code

    def body(self) -> p.ErrorBody:
        return p.ErrorBody(error=self.code, message=self.message, detail=self.detail)  # type: ignore[arg-type]


class BadRequest(CentralError):
    pass


class Unauthorised(CentralError):
    status = 401
    code = "unauthorised"
    exit_code = 4


class BadEnrolmentCode(CentralError):
    status = 403
    code = "bad_enrolment_code"
    exit_code = 4


class NotFound(CentralError):
    status = 404
    code = "unknown_unit"
    exit_code = 5


class TooManyAttempts(CentralError):
    status = 429
    code = "too_many_attempts"
    exit_code = 4


class WrongPassword(CentralError):
    status = 403
    code = "wrong_password"
    exit_code = 4


class Conflict(CentralError):
    status = 409
    code = "workstation_code_taken"
    exit_code = 6


class Rejected(Exception):
    """One op is rejected; the savepoint of that op is rolled back, the others go on."""

    def __init__(self, reason: p.RejectReason, message: str, current: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.current = current
