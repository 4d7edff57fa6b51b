"""Which YAML file each generated page comes from, so "Edit this page" opens the right source."""

from __future__ import annotations

import os
from pathlib import Path

from helpcenter.load.help_center import CATEGORIES_FILE, SETTINGS_FILE
from helpcenter.model import HelpCenter
from helpcenter.render.pages import HOME_URI


def edit_uri_for(source: Path, docs_dir: Path) -> str:
    """The source's path relative to docs/, as MkDocs joins it to `repo_url` + `edit_uri`.

    `edit_uri` points at the docs folder in the repository (`edit/main/docs/`); a path such as
    `../faq_data/entries/account/x.yml` climbs out of it, and the URL join removes the `..`.
    """
    return Path(os.path.relpath(source, docs_dir)).as_posix()

def edit_uris(help_center: HelpCenter, data_dir: Path, project_root: Path, docs_dir: Path) -> dict[str, str]:
    """Generated page (its src_uri) to `edit_uri_for` the file an editor changes to change that page:
    settings.yml for the home page, categories.yml for a category's, an entry's own file for it."""
    uris = {HOME_URI: edit_uri_for(data_dir / SETTINGS_FILE, docs_dir)}
    categories_uri = edit_uri_for(data_dir / CATEGORIES_FILE, docs_dir)
    uris.update({category.src_uri: categories_uri for category in help_center.categories})
    uris.update({entry.src_uri: edit_uri_for(project_root / entry.source, docs_dir) for entry in help_center.entries})
    return uris
