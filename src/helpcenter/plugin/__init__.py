"""The MkDocs plugin `helpcenter`: the only part of the package that imports MkDocs or Material."""

from helpcenter.plugin.hooks import HelpCenterPlugin

__all__ = ["HelpCenterPlugin"]
