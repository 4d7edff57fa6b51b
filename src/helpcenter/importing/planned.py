"""What an import will write: the categories, entries and translations planned, and what was found on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from helpcenter.importing.source import DEFAULT_ICON, SourceArticle
from helpcenter.problems import Problem


@dataclass(frozen=True)
class ImportOptions:
    owner: str = ""
    reviewed: date | None = None
    icon: str = DEFAULT_ICON
    images_dir: Path | None = None
    languages: tuple[str, ...] = ()
    """The help center's languages (settings.yml), the default first; none when it declares none."""
    skip_locales: frozenset[str] = frozenset()
    """The export's locales whose translations are left out, as the vendor writes them (lower-case)."""


@dataclass
class PlannedCategory:
    id: str
    title: str
    description: str
    order: int
    redirect_from: tuple[str, ...]
    new: bool
    """False when the help center has a category of that id and title already, which the entries join."""


@dataclass
class PlannedEntry:
    article: SourceArticle
    id: str
    category: str
    values: dict[str, Any] = field(default_factory=dict)
    """The fields besides title, category, reviewed and owner: answer, summary, steps, video, tags..."""


@dataclass
class ImportPlan:
    categories: list[PlannedCategory] = field(default_factory=list)
    entries: list[PlannedEntry] = field(default_factory=list)
    pictures: dict[str, Path] = field(default_factory=dict)
    """Each picture to copy: its path under docs/, and the file it is copied from."""
    missing_pictures: list[tuple[str, str]] = field(default_factory=list)
    """(article, address) of each picture the export's folder does not hold."""
    featured: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    drafts: int = 0
    translations: list[PlannedTranslation] = field(default_factory=list)
    category_translations: list[PlannedCategoryTranslation] = field(default_factory=list)
    translation_drafts: int = 0
    skipped_translations: int = 0
    """Translations left out: of a locale skipped, or of an article that is not imported."""


@dataclass
class PlannedTranslation:
    entry: PlannedEntry
    language: str
    where: str
    values: dict[str, Any] = field(default_factory=dict)
    """source (the fingerprint), title, summary, answer, steps, video, redirect_from."""
    outdated: bool = False


@dataclass
class PlannedCategoryTranslation:
    category: str
    language: str
    source: str
    title: str
    description: str
