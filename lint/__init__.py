"""newslint: an editorial and data-quality linter for news articles."""

__version__ = "0.1.0"
