"""Where each page is published, and the relative links between pages."""

from __future__ import annotations

import posixpath


def page_path(src_uri: str, use_directory_urls: bool = True) -> str:
    """The built page's path for a Markdown source, as MkDocs publishes it ('' for the home page; 'index.html'
    without directory addresses)."""
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    if name == "index" and use_directory_urls:
        return f"{folder}/" if folder else ""
    if use_directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


def relative_link(from_uri: str, to_uri: str) -> str:
    """The Markdown link from one page's source to another's, as MkDocs resolves it."""
    link = posixpath.relpath(to_uri or ".", posixpath.dirname(from_uri) or ".")
    return link + "/" if to_uri.endswith("/") or not to_uri else link  # relpath drops a folder's slash


def page_href(from_uri: str, to_uri: str, use_directory_urls: bool = True) -> str:
    """The address of one built page relative to another, as MkDocs writes a link between them."""
    return href_between(page_path(from_uri, use_directory_urls), page_path(to_uri, use_directory_urls))


def href_between(source: str, target: str) -> str:
    """The address of the page built at `target` relative to the one at `source` (paths as `page_path` gives them)."""
    folder = source if source.endswith("/") else posixpath.dirname(source)
    return relative_link(posixpath.join(folder, "index.html"), target)


def site_root_prefix(src_uri: str, use_directory_urls: bool) -> str:
    """The relative path from the page built from `src_uri` back to the site's root, such as '../../'."""
    depth = src_uri.count("/")
    if use_directory_urls and posixpath.basename(src_uri) != "index.md":
        depth += 1
    return "../" * depth


def markdown_copy_path(src_uri: str, use_directory_urls: bool = True) -> str:
    """Where the Markdown copy of a page is published: beside it, as 'account/log-in/index.md' when the page
    is 'account/log-in/', as 'account/log-in.md' when it is 'account/log-in.html'."""
    built = page_path(src_uri, use_directory_urls)
    if not built or built.endswith("/"):
        return f"{built}index.md"
    return posixpath.splitext(built)[0] + ".md"
