"""Errors meant for the user: the message says what is wrong and what to do."""


class WenjinError(Exception):
    """Shown to the user as one line, without a traceback."""


class IndexMissing(WenjinError):
    """No usable index at the given path."""


class IndexDamaged(WenjinError):
    """The index on disk is inconsistent or of an unsupported format."""


class ModelMismatch(WenjinError):
    """The query-side embedding model differs from the one the index was built with."""


class IndexBusy(WenjinError):
    """Another ingest holds the index directory's writer lock."""
