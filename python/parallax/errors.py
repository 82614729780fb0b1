"""Python exceptions for the C ABI's status codes, carrying the engine's message."""

# The fixed status numbers of include/parallax/parallax.h.
OK = 0
NULL_ARGUMENT = 1
INVALID_ARGUMENT = 2
INVALID_UTF8 = 3
UNKNOWN_OPTION = 4
INVALID_OPTION = 5
DUPLICATE_ID = 6
EMPTY_CORPUS = 7
NOT_BUILT = 8
NOT_FOUND = 9
BUFFER_TOO_SMALL = 10
IO = 11
OUT_OF_MEMORY = 12
UNAVAILABLE = 13
INTERNAL = 14
INCOMPATIBLE_INDEX = 15


class ParallaxError(Exception):
    """A parallax call failed. `status` is the C status code, `status_name` its name."""

    def __init__(self, status, status_name, message):
        super().__init__(message)
        self.status = status
        self.status_name = status_name


class InvalidInputError(ParallaxError, ValueError):
    """Bad argument, bad UTF-8, bad option, duplicate id."""


class NotBuiltError(ParallaxError):
    """A result was asked for before the build that produces it (or documents were added or removed since)."""


class NotFoundError(ParallaxError, LookupError):
    """Unknown document id or index out of range."""


class EmptyCorpusError(ParallaxError):
    """build() was called before any document was added."""


class CorpusReadError(ParallaxError):
    """A corpus path could not be read, or the engine's temporary file (of sentence terms kept for the
    translations pass, in $TMPDIR) could not be created or written."""


class IncompatibleIndexError(ParallaxError):
    """An index file whose features another parallax computed, or created with other options."""


_CLASS_OF_STATUS = {
    NULL_ARGUMENT: InvalidInputError,
    INVALID_ARGUMENT: InvalidInputError,
    INVALID_UTF8: InvalidInputError,
    UNKNOWN_OPTION: InvalidInputError,
    INVALID_OPTION: InvalidInputError,
    DUPLICATE_ID: InvalidInputError,
    EMPTY_CORPUS: EmptyCorpusError,
    NOT_BUILT: NotBuiltError,
    NOT_FOUND: NotFoundError,
    IO: CorpusReadError,
    INCOMPATIBLE_INDEX: IncompatibleIndexError,
}


def error_for(status, status_name, message):
    """The exception for a failed call's status and message."""
    return _CLASS_OF_STATUS.get(status, ParallaxError)(status, status_name, message)
