"""Static help-center generator: FAQ entries kept as YAML, rendered as a MkDocs Material site."""

__version__ = "0.1.0"
