"""Which YAML file each generated page comes from, so "Edit this page" opens the right source."""

from __future__ import annotations

import os
from pathlib import Path

from .content import CATEGORIES_FILE, SETTINGS_FILE
from .model import HelpCenter
from .render import HOME_URI


def page_sources(help_center: HelpCenter, data_dir: Path, project_root: Path) -> dict[str, Path]:
    """Generated page (its src_uri) to the file an editor changes to change that page."""
    sources = {HOME_URI: data_dir / SETTINGS_FILE}
    sources.update({category.src_uri: data_dir / CATEGORIES_FILE for category in help_center.categories})
    sources.update({entry.src_uri: project_root / entry.source for entry in help_center.entries})
    return sources


def edit_uri_for(source: Path, docs_dir: Path) -> str:
    """The source's path relative to docs/, as MkDocs joins it to `repo_url` + `edit_uri`.

    `edit_uri` points at the docs folder in the repository (`edit/main/docs/`); a path such as
    `../faq_data/entries/account/x.yml` climbs out of it, and the URL join removes the `..`.
    """
    return Path(os.path.relpath(source, docs_dir)).as_posix()
