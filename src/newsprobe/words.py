"""How summary lines count things, so that they read as sentences in every command."""


def counted(n: int, noun: str) -> str:
    """``1 row``, ``3 rows``: summary lines read as sentences."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
