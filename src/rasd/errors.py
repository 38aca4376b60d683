"""Every exception Rasd raises on purpose, with the CLI exit code each maps to.

The CLI prints ``rasd: <message>`` and exits with ``exit_code``; never a traceback.
"""

from __future__ import annotations


class RasdError(Exception):
    """Base class: a problem Rasd can describe in one line."""

    exit_code = 1

    def __init__(self, message: str, *, record: str | None = None) -> None:
        self.record = record
        super().__init__(f"{record}: {message}" if record else message)


class UsageError(RasdError):
    """The command line asks for something impossible (bad option value, missing file)."""

    exit_code = 2


class InputError(RasdError):
    """An input record cannot be processed (empty, binary, undecodable, too large, bad JSON)."""

    exit_code = 3


class EmptyInputError(InputError):
    """The text is empty or only whitespace."""


class BinaryInputError(InputError):
    """The bytes are not text (NUL bytes, or mostly undecodable)."""


class InputTooLargeError(InputError):
    """The text is longer than the configured limit."""


class MalformedRecordError(InputError):
    """A JSON line that does not parse, or lacks a ``text`` string."""


class ConfigError(RasdError):
    """The pipeline configuration is invalid (unknown stage, unmet requirement)."""

    exit_code = 4


class ModelError(RasdError):
    """A shipped model or data file is missing or corrupt."""

    exit_code = 5


class DataError(RasdError):
    """Training or evaluation data (``../shared``) is missing or malformed."""

    exit_code = 6


#: Documented exit codes (README "Exit codes").
EXIT_CODES = {
    0: "success",
    1: "internal error (a bug: please report it)",
    2: "usage error",
    3: "bad input (with --skip-errors: some records were rejected)",
    4: "configuration error",
    5: "missing or corrupt model / data file",
    6: "training or evaluation data missing",
    7: "evaluation gate failed (a score fell below its floor)",
    8: "the store cannot be opened or written",
}
