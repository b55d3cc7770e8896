"""The one error every fetching step raises, so callers catch one thing and print one line."""


class FetchError(Exception):
    """An input that could not be read; ``str(err)`` is the one-line reason."""
