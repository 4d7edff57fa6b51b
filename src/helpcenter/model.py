"""The validated help center: frozen values with every cross-reference resolved."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal

from helpcenter.problems import Problem


@dataclass(frozen=True)
class Video:
    url: str
    title: str
    description: str
    uploaded: date
    provider: Literal["youtube", "vimeo"]
    video_id: str
    thumbnail: str | None = None
    """A path under docs/ to a local picture shown before the video plays."""
    vimeo_hash: str | None = None
    """The private hash of an unlisted Vimeo video."""
    start: int | None = None
    """Where the link starts the video, in seconds (a `t=` in the address)."""

    @property
    def embed_url(self) -> str:
        if self.provider == "youtube":
            start = f"&start={self.start}" if self.start else ""
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1&rel=0{start}"
        private = f"h={self.vimeo_hash}&" if self.vimeo_hash else ""
        start = f"#t={self.start}s" if self.start else ""
        return f"https://player.vimeo.com/video/{self.video_id}?{private}dnt=1&autoplay=1{start}"


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str
    icon: str
    order: int
    redirect_from: tuple[str, ...] = ()
    prefix: str = ""
    """The language's folder, such as 'de/', for a translation; empty in the default language."""

    @property
    def src_uri(self) -> str:
        return f"{self.prefix}{self.id}/index.md"

    @property
    def url(self) -> str:
        return f"{self.prefix}{self.id}/"


@dataclass(frozen=True)
class Entry:
    id: str
    source: str
    """The entry's YAML file, relative to the project root."""
    title: str
    summary: str
    category: str
    reviewed: date
    owner: str
    answer: str
    steps: tuple[str, ...] = ()
    video: Video | None = None
    related: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    also_asked: tuple[str, ...] = ()
    redirect_from: tuple[str, ...] = ()
    prefix: str = ""
    """The language's folder, such as 'de/', for a translation; empty in the default language."""

    @property
    def src_uri(self) -> str:
        return f"{self.prefix}{self.category}/{self.id}.md"

    @property
    def url(self) -> str:
        return f"{self.prefix}{self.category}/{self.id}/"


@dataclass(frozen=True)
class Contact:
    email: str
    hours: str | None = None


@dataclass(frozen=True)
class Settings:
    home_title: str
    home_intro: str
    contact: Contact
    featured: tuple[str, ...] = ()
    links: Mapping[str, str] = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    """BCP 47 codes, the default language (the one of the source files) first; empty for a site in one language."""

    def link(self, name: str) -> str:
        """The address of `[text](link:NAME)`: `contact` is the support address, the others are `links`."""
        return f"mailto:{self.contact.email}" if name == CONTACT_LINK else self.links[name]


CONTACT_LINK = "contact"
"""The shared link every help center has: `[text](link:contact)` writes to `contact.email`."""


@dataclass(frozen=True)
class EntryTranslation:
    """An entry's words in one language; everything else comes from the source entry."""

    entry_id: str
    language: str
    source: str
    """The translation's YAML file, relative to the project root."""
    line: int
    """The line of its `source` fingerprint."""
    current: bool
    """Whether its fingerprint is the source's now: false once the source's translated fields changed."""
    title: str
    summary: str
    answer: str
    steps: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    also_asked: tuple[str, ...] = ()
    video_title: str | None = None
    video_description: str | None = None
    reviewed: date | None = None
    """The day the translation was last checked; None: the source's `reviewed` stands for it."""
    redirect_from: tuple[str, ...] = ()
    """The translation's own old addresses, besides the source's in the language's folder."""


@dataclass(frozen=True)
class CategoryTranslation:
    category_id: str
    title: str
    description: str
    source: str
    line: int
    current: bool


@dataclass(frozen=True)
class LanguageContent:
    """Everything translated into one language other than the default."""

    language: str
    entries: Mapping[str, EntryTranslation] = field(default_factory=dict)
    """By entry id: only the entries translated into this language."""
    categories: Mapping[str, CategoryTranslation] = field(default_factory=dict)
    settings: SettingsTranslation | None = None
    pages: Mapping[str, str] = field(default_factory=dict)
    """The hand-written pages translated into this language ('contact'), each with its file ('docs/contact.de.md')."""
    outdated_pages: Mapping[str, int] = field(default_factory=dict)
    """The translated pages whose source page's text changed since their translation was reviewed, each with
    the line of its `source:` fingerprint (0 where it has none: never reviewed)."""


@dataclass(frozen=True)
class SettingsTranslation:
    home_title: str
    home_intro: str
    contact_hours: str | None
    interface: Mapping[str, str]
    """The site's own words by key (spec.INTERFACE_TEXTS); a key left out is not translated yet."""
    source: str
    line: int
    current: bool


@dataclass(frozen=True)
class HelpCenter:
    settings: Settings
    categories: tuple[Category, ...]
    """In home-page order."""
    entries: tuple[Entry, ...]
    """Sorted by category order, then title."""
    empty_categories: tuple[str, ...] = ()
    """Categories without an entry: not published (no empty topic page or card), named by the check."""
    drafts: Mapping[str, tuple[Problem, ...]] = field(default_factory=dict)
    """In a preview only: the entries shown as drafts, by id, with the problems that keep each unpublished."""
    translations: Mapping[str, LanguageContent] = field(default_factory=dict)
    """By language, every declared language but the default one (in a view in one language, that one's)."""
    language: str = ""
    """For the help center in one language other than the default (`load.localized.in_language`), that language."""

    @classmethod
    def of(
        cls, settings: Settings, categories: Iterable[Category], entries: Iterable[Entry],
        drafts: Mapping[str, tuple[Problem, ...]] | None = None,
        translations: Mapping[str, LanguageContent] | None = None,
    ) -> HelpCenter:
        """The help center in reading order: categories by `order`, each one's entries by title; only the
        categories that have entries are published."""
        ordered_categories = sorted(categories, key=lambda category: (category.order, category.title))
        category_order = {category.id: category.order for category in ordered_categories}
        ordered_entries = sorted(
            entries, key=lambda entry: (category_order[entry.category], entry.title.casefold(), entry.id)
        )
        used = {entry.category for entry in ordered_entries}
        published = tuple(category for category in ordered_categories if category.id in used)
        empty = tuple(category.id for category in ordered_categories if category.id not in used)
        return cls(settings, published, tuple(ordered_entries), empty, drafts or {}, translations or {})

    @property
    def home_uri(self) -> str:
        """The home page's Markdown source: `index.md`, or `de/index.md` in a language's folder."""
        return f"{self.language}/index.md" if self.language else "index.md"

    @property
    def languages(self) -> tuple[str, ...]:
        return self.settings.languages

    def page_uri(self, name: str) -> str:
        """The Markdown source of the hand-written page `name` ('contact') in this help center's language: its
        translation's ('de/contact.md') where there is one, else the default language's ('contact.md')."""
        content = self.translations.get(self.language) if self.language else None
        return f"{self.language}/{name}.md" if content is not None and name in content.pages else f"{name}.md"

    def entry(self, entry_id: str) -> Entry:
        return self.entries_by_id[entry_id]

    def category(self, category_id: str) -> Category:
        return self.categories_by_id[category_id]

    def entries_in(self, category_id: str) -> tuple[Entry, ...]:
        return self.entries_by_category.get(category_id, ())

    @cached_property
    def entries_by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    @cached_property
    def categories_by_id(self) -> dict[str, Category]:
        return {category.id: category for category in self.categories}

    @cached_property
    def entries_by_category(self) -> dict[str, tuple[Entry, ...]]:
        grouped: dict[str, list[Entry]] = {}
        for entry in self.entries:
            grouped.setdefault(entry.category, []).append(entry)
        return {category: tuple(entries) for category, entries in grouped.items()}
