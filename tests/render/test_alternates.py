"""Language versions of each page: reciprocal groups with an x-default, only where a translation exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, copy_translated_project
from helpcenter.load.help_center import load_help_center
from helpcenter.model import HelpCenter
from helpcenter.render.alternates import X_DEFAULT, language_versions


@pytest.fixture(scope="module")
def help_center(tmp_path_factory: pytest.TempPathFactory) -> HelpCenter:
    project = copy_translated_project(tmp_path_factory.mktemp("alternates") / "project")
    return load_help_center(project / "faq_data", project, project / "docs")


def test_a_translated_entry_names_every_version_and_the_default(help_center: HelpCenter) -> None:
    versions = language_versions(help_center)
    assert dict(versions["account/change-password/"]) == {
        "en": "account/change-password/", "de": "de/account/change-password/",
        "he": "he/account/change-password/", X_DEFAULT: "account/change-password/",
    }


def test_versions_are_reciprocal(help_center: HelpCenter) -> None:
    versions = language_versions(help_center)
    for url, group in versions.items():
        assert url in group.values()
        for language, other in group.items():
            if language != X_DEFAULT:
                assert versions[other] is group


def test_a_page_names_only_the_languages_it_exists_in(help_center: HelpCenter) -> None:
    versions = language_versions(help_center)
    assert dict(versions["two-factor/reset-2fa/"]) == {
        "en": "two-factor/reset-2fa/", "de": "de/two-factor/reset-2fa/", X_DEFAULT: "two-factor/reset-2fa/",
    }
    assert dict(versions["two-factor/incorrect-2fa/"]) == {
        "en": "two-factor/incorrect-2fa/", X_DEFAULT: "two-factor/incorrect-2fa/",
    }
    assert "he/two-factor/" not in versions
    assert dict(versions[""]) == {"en": "", "de": "de/", "he": "he/", X_DEFAULT: ""}


def test_a_one_language_site_has_no_versions(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert language_versions(load_help_center(project / "faq_data", project, project / "docs")) == {}
