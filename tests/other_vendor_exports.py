"""Intercom and Freshdesk exports of the same articles as the Zendesk one, in the shapes their APIs document."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from import_exports import (
    CATEGORIES,
    GERMAN_RESET,
    HOST,
    LOCALE,
    SECTIONS,
    STAMP,
    TRANSLATIONS,
    write_json,
    write_pictures,
    zendesk_articles,
)

INTERCOM = "https://intercom.help/example"
FRESHDESK = "https://example.freshdesk.com"
GERMAN_RESET_TRANSLATION = (360001000001, "de", "Wie setze ich mein Passwort zurück?", GERMAN_RESET, False, False)
"""The German article of the Zendesk export, as a translation of the first article."""


def _vendor_body(body: str, articles: str, groups: str, locale: str = LOCALE) -> str:
    """A Zendesk body with its links to other articles and sections in another vendor's address forms."""
    return (body.replace(f"{HOST}/hc/{locale}/articles/", articles).replace(f"/hc/{locale}/sections/", groups))


def published_articles() -> list[dict[str, Any]]:
    return [article for article in zendesk_articles() if not article["draft"] and article["locale"] == LOCALE]


def write_intercom_export(folder: Path, translations: bool = False) -> Path:
    """`GET /articles` in two pages and `GET /help_center/collections`, as Intercom's API documents them; with
    `translations`, each article's `translated_content` holds the words of TRANSLATIONS (and the German article),
    and the first collection's a German name."""
    translated: dict[int, dict[str, Any]] = {}
    for source_id, locale, title, body, draft, _ in [*TRANSLATIONS, GERMAN_RESET_TRANSLATION]:
        translated.setdefault(source_id, {"type": "article_translated_content"})[locale] = {
            "type": "article_content", "title": title, "description": f"Kurz: {title}",
            "body": _vendor_body(body, f"{INTERCOM}/{locale}/articles/", f"{INTERCOM}/{locale}/collections/", locale),
            "author_id": 991267, "state": "draft" if draft else "published", "created_at": 1672928359,
            "updated_at": 1672928610, "url": f"{INTERCOM}/{locale}/articles/{source_id}{_ascii_slug(title)}"}
    articles = []
    for article in zendesk_articles():
        if article["locale"] != LOCALE:
            continue
        slug = article["html_url"].rsplit("/", 1)[1].split("-", 1)[1].lower()
        articles.append({
            "type": "article", "id": str(article["id"]), "workspace_id": "ecahpwf5",
            "parent_id": article["section_id"], "parent_type": "collection", "parent_ids": [article["section_id"]],
            "title": article["title"], "description": f"In short: {article['title'].lower()}",
            "body": _vendor_body(article["body"], f"{INTERCOM}/en/articles/", f"{INTERCOM}/en/collections/"),
            "author_id": 991267, "state": "draft" if article["draft"] else "published",
            "created_at": 1672928359, "updated_at": 1672928610,
            "url": f"{INTERCOM}/en/articles/{article['id']}-{slug}", "default_locale": "en",
        })
        if translations and article["id"] in translated:
            articles[-1]["translated_content"] = translated[article["id"]]
    folder.mkdir(parents=True, exist_ok=True)
    for number, start in enumerate(range(0, len(articles), 25), 1):
        write_json(folder / f"articles-{number}.json", {
            "type": "list", "pages": {"type": "pages", "page": number, "per_page": 25,
                                      "total_pages": -(-len(articles) // 25)},
            "total_count": len(articles), "data": articles[start:start + 25],
        })
    collections: list[dict[str, Any]] = [{
        "type": "collection", "id": str(section_id), "workspace_id": "ecahpwf5", "name": name,
        "description": description, "url": f"{INTERCOM}/en/collections/{section_id}-{'-'.join(name.lower().split())}",
        "order": order, "created_at": 1672928359, "updated_at": 1672928610, "icon": "book-bookmark",
        "parent_id": None, "help_center_id": 123,
    } for order, (section_id, _, name, description) in enumerate(SECTIONS, 1)]
    if translations:
        collections[0]["translated_content"] = {
            "type": "group_translated_content", "en": {"type": "group_content", "name": SECTIONS[0][2],
                                                       "description": SECTIONS[0][3]},
            "de": {"type": "group_content", "name": "Ihr Konto",
                   "description": "Anmelden, Passwörter und Profileinstellungen."}}
    write_json(folder / "collections.json", {"type": "list", "data": collections, "total_count": len(collections),
                                             "pages": {"type": "pages", "page": 1, "per_page": 50, "total_pages": 1}})
    write_pictures(folder)
    return folder


def write_freshdesk_export(folder: Path, translations: bool = False) -> Path:
    """The Solutions API's lists: categories, each category's folders, each folder's articles; with
    `translations`, the words of TRANSLATIONS (and the German article) in a folder per language: each German
    article as `GET /api/v2/solutions/articles/{id}/de` returns it, the other languages' as a folder's articles
    (`.../folders/{id}/articles/{language_code}`), and the first folder in German."""
    folder.mkdir(parents=True, exist_ok=True)
    if translations:
        _write_freshdesk_translations(folder)
    write_json(folder / "categories.json", [{
        "id": category_id, "name": name, "description": "", "created_at": STAMP, "updated_at": STAMP,
        "visible_in_portals": [5000012345],
    } for category_id, name in CATEGORIES])
    write_json(folder / "folders.json", [{
        "id": section_id, "name": name, "description": description, "visibility": 1, "category_id": category_id,
        "created_at": STAMP, "updated_at": STAMP,
    } for section_id, category_id, name, description in SECTIONS])
    for section_id, category_id, _, _ in SECTIONS:
        write_json(folder / f"articles-{section_id}.json", [{
            "id": article["id"], "type": 1, "category_id": category_id, "folder_id": section_id,
            "title": article["title"],
            "description": _vendor_body(article["body"], f"{FRESHDESK}/support/solutions/articles/",
                                        "/support/solutions/folders/"),
            "description_text": "", "status": 1 if article["draft"] else 2, "agent_id": 5000123456,
            "tags": article["label_names"], "thumbs_up": 3, "thumbs_down": 0, "hits": 120,
            "seo_data": {"meta_title": article["title"], "meta_description": f"Short: {article['title'].lower()}"},
            "created_at": STAMP, "updated_at": STAMP,
        } for article in zendesk_articles() if article["section_id"] == section_id and article["locale"] == LOCALE])
    write_pictures(folder)
    return folder


def _write_freshdesk_translations(folder: Path) -> None:
    sources = {article["id"]: article for article in zendesk_articles() if article["locale"] == LOCALE}
    by_language: dict[str, list[dict[str, Any]]] = {}
    for source_id, locale, title, body, draft, _ in [*TRANSLATIONS, GERMAN_RESET_TRANSLATION]:
        source = sources[source_id]
        by_language.setdefault(locale, []).append({
            "id": source_id, "type": 1, "category_id": next(
                category for section, category, _, _ in SECTIONS if section == source["section_id"]),
            "folder_id": source["section_id"], "title": title,
            "description": _vendor_body(body, f"{FRESHDESK}/{locale}/support/solutions/articles/",
                                        f"/{locale}/support/solutions/folders/", locale),
            "description_text": "", "status": 1 if draft else 2, "agent_id": 5000123456, "tags": [],
            "seo_data": {"meta_title": title, "meta_description": f"Kurz: {title}"},
            "created_at": STAMP, "updated_at": STAMP})
    for locale, articles in by_language.items():
        if locale == "de":
            for article in articles:
                write_json(folder / locale / f"article-{article['id']}.json", article)
        else:
            write_json(folder / locale / "articles.json", articles)
    section_id, category_id, _, _ = SECTIONS[0]
    write_json(folder / "de" / f"folders-{category_id}.json", [{
        "id": section_id, "name": "Ihr Konto", "description": "Anmelden, Passwörter und Profileinstellungen.",
        "visibility": 1, "category_id": category_id, "created_at": STAMP, "updated_at": STAMP}])
    write_json(folder / "de" / "categories.json", [{
        "id": category_id, "name": "Konto", "description": "", "created_at": STAMP, "updated_at": STAMP}])


def _ascii_slug(title: str) -> str:
    """'-wie-setze-ich-mein-passwort-zuruck', as Intercom writes a slug; '' for a title without Latin letters."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    slug = "-".join("".join(c if c.isalnum() else " " for c in folded).split())
    return f"-{slug}" if slug else ""
