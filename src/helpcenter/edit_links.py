"""Which YAML file each generated page comes from, so "Edit this page" opens the right source."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from urllib.parse import urljoin

from .content import CATEGORIES_FILE, SETTINGS_FILE
from .model import HelpCenter
from .render import HOME_URI

# A file name that `urljoin` keeps as it is: no dot segment, parameters (';'), query or fragment.
_PLAIN_NAME = re.compile(r"[\w~-][\w.~-]*")


def edit_uri_for(source: Path, docs_dir: Path) -> str:
    """The source's path relative to docs/, as MkDocs joins it to `repo_url` + `edit_uri`.

    `edit_uri` points at the docs folder in the repository (`edit/main/docs/`); a path such as
    `../faq_data/entries/account/x.yml` climbs out of it, and the URL join removes the `..`.
    """
    return Path(os.path.relpath(source, docs_dir)).as_posix()


def edit_uris(help_center: HelpCenter, data_dir: Path, project_root: Path, docs_dir: Path) -> dict[str, str]:
    """Generated page (its src_uri) to `edit_uri_for` the file an editor changes to change that page:
    settings.yml for the home page, categories.yml for a category's, an entry's own file for it.

    The path is worked out once for each folder, and each entry file's name appended: thousands
    of entries sit in a few folders, and `os.path.relpath` and `pathlib` take about 20 µs a file.
    A file's name cannot be '..' and no folder can be inside a file, so `relpath(folder/name)` is
    `relpath(folder)/name` (or the name alone where the folder is docs/ itself).
    """
    uris = {HOME_URI: edit_uri_for(data_dir / SETTINGS_FILE, docs_dir)}
    uris.update(dict.fromkeys(
        (category.src_uri for category in help_center.categories), edit_uri_for(data_dir / CATEGORIES_FILE, docs_dir)
    ))
    folders: dict[str, str] = {}
    for entry in help_center.entries:
        folder, slash, name = entry.source.rpartition("/")  # a POSIX path, relative to the project or absolute
        folder = folder or slash  # '/' for a file at the root of the file system, '' for one beside mkdocs.yml
        folder_uri = folders.get(folder)
        if folder_uri is None:
            folder_uri = folders[folder] = edit_uri_for(project_root / folder, docs_dir)
        uris[entry.src_uri] = name if folder_uri == "." else f"{folder_uri}/{name}"
    return uris


def edit_url(repo_url: str, edit_uri: str, path: str) -> str | None:
    """The address of "Edit this page" as MkDocs makes it, `urljoin(repo_url + '/', edit_uri + path)`,
    with the join worked out once per folder and the file's name appended; None for a name that
    could change the join (MkDocs then joins it)."""
    folder, slash, name = path.rpartition("/")
    if not _PLAIN_NAME.fullmatch(name):
        return None
    joined = _folder_edit_url(repo_url, edit_uri + folder + slash)
    return None if joined is None else joined + name


@functools.lru_cache(maxsize=1024)
def _folder_edit_url(repo_url: str, folder_path: str) -> str | None:
    # Joined to a folder ('.../'), a plain name is one more segment: nothing else in the join changes.
    if not folder_path.endswith("/") or any(character in folder_path for character in "?#;"):
        return None
    return urljoin(repo_url if repo_url.endswith("/") else repo_url + "/", folder_path)
