"""Which YAML file each generated page comes from, so "Edit this page" opens the right source."""

from __future__ import annotations

import os
from pathlib import Path

from helpcenter.load.help_center import CATEGORIES_FILE, SETTINGS_FILE
from helpcenter.model import HelpCenter


def edit_uri_for(source: Path, docs_dir: Path) -> str:
    """The source's path relative to docs/, as MkDocs joins it to `repo_url` + `edit_uri`.

    `edit_uri` points at the docs folder in the repository (`edit/main/docs/`); a path such as
    `../faq_data/entries/account/x.yml` climbs out of it, and the URL join removes the `..`.
    """
    return Path(os.path.relpath(source, docs_dir)).as_posix()

def edit_uris(help_center: HelpCenter, data_dir: Path, project_root: Path, docs_dir: Path) -> dict[str, str]:
    """Generated page (its src_uri) to `edit_uri_for` the file an editor changes to change that page:
    settings.yml for the home page, categories.yml for a category's, an entry's own file for it; in another
    language, the translation of each where there is one."""
    content = help_center.translations.get(help_center.language) if help_center.language else None
    settings = data_dir / SETTINGS_FILE
    if content is not None and content.settings is not None:
        settings = project_root / content.settings.source
    uris = {help_center.home_uri: edit_uri_for(settings, docs_dir)}
    categories_uri = edit_uri_for(data_dir / CATEGORIES_FILE, docs_dir)
    for category in help_center.categories:
        translated = content.categories.get(category.id) if content is not None else None
        uris[category.src_uri] = (
            edit_uri_for(project_root / translated.source, docs_dir) if translated is not None else categories_uri
        )
    uris.update({entry.src_uri: edit_uri_for(project_root / entry.source, docs_dir) for entry in help_center.entries})
    return uris
