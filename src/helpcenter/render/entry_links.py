"""Where the link targets of an entry's Markdown lead: `link:`, `entry:`, `page:`, `category:` and pictures under docs/.

The page of an entry and its copies for machines resolve the same targets; they differ only in
the form of the address (a link between sources for MkDocs, an address on the site for a copy).
"""

from __future__ import annotations

from collections.abc import Callable

from helpcenter.load.links import LinkTarget
from helpcenter.model import CONTACT_LINK, Entry, HelpCenter
from helpcenter.render.addresses import relative_link

AddressOf = Callable[[str], str]
"""The address of a path under docs/: a page's Markdown source ('account/log-in.md') or a file ('assets/x.png')."""


def link_resolver(help_center: HelpCenter, address_of: AddressOf) -> Callable[[LinkTarget], str]:
    """Each named target (`link:`, `entry:`, `page:`, `category:`) and each picture path under docs/, as
    `address_of` gives it.

    Other targets (web and e-mail addresses, `#anchors`, `../` paths) are returned as written, and so
    is a named target that is not there (only a preview, which shows content with problems, has one).
    """

    def resolve(link: LinkTarget) -> str:
        name = link.target.partition(":")[2]
        if link.scheme == "link":
            known = name == CONTACT_LINK or name in help_center.settings.links
            return help_center.settings.link(name) if known else link.target
        if link.scheme == "entry":
            other = help_center.entries_by_id.get(name)
            return address_of(other.src_uri) if other else link.target
        if link.scheme == "page":
            return address_of(help_center.page_uri(name))
        if link.scheme == "category":
            category = help_center.categories_by_id.get(name)
            return address_of(category.src_uri) if category else link.target
        if not link.scheme and not link.target.startswith(("#", "../")):
            # A picture's path under docs/, such as 'assets/pictures/x.png'.
            return address_of(link.target)
        return link.target

    return resolve


def entry_relative(entry: Entry) -> AddressOf:
    """Addresses relative to the entry's own source, as MkDocs resolves the links of its page."""
    return lambda path: relative_link(entry.src_uri, path)
