"""newsprobe: was this news article written by a machine, and do its claims hold up?"""

from newsprobe.article import Article, Span, Verdict

__version__ = "0.1.0"

__all__ = ["Article", "Span", "Verdict", "__version__"]
