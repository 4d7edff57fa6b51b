"""Exports of other help centers, written by the tests in the shapes the vendors' APIs document."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path
from typing import Any

HOST = "https://example.zendesk.com"
LOCALE = "en-us"
STAMP = "2025-03-04T10:20:30Z"

SECTIONS = [
    # (id, category id, name, description)
    (360000111111, 360000010101, "Your account", "Signing in, passwords and profile settings."),
    (360000222222, 360000010101, "Billing and invoices", "Plans, payments and invoices."),
    (360000333333, 360000020202, "Troubleshooting", "When something does not work as expected."),
]
CATEGORIES = [(360000010101, "General"), (360000020202, "Help with problems")]


def article_url(article_id: int, title: str) -> str:
    slug = "-".join("".join(c if c.isalnum() else " " for c in title).split())
    return f"{HOST}/hc/{LOCALE}/articles/{article_id}-{slug}"


# Bodies as Zendesk's editor and pasted Word documents leave them.
RICH_BODIES: list[tuple[str, int, str]] = [
    ("How do I reset my password?", 360000111111, """\
<p class="wysiwyg-text-align-left">If you forgot your password,&nbsp;you can set a new one from the sign-in page.</p>
<div class="callout callout--warning" style="background:#fff3cd;padding:8px">
<p><strong>Note:</strong> the link in the e-mail works for 24&nbsp;hours.</p></div>
<p><img src="https://example.zendesk.com/hc/article_attachments/9001/sign-in%20page.png" alt="The sign-in page"
 width="640" height="400"></p>
<p>Before you start, read <a href="https://example.zendesk.com/hc/en-us/articles/360001000002-Two-step">how two-step
 sign-in works</a>.</p>
<ol>
<li>Open the <strong>sign-in</strong> page.</li>
<li>Press <em>Forgot password?</em> and enter your e-mail address.</li>
<li>Open the e-mail we send you and choose a new password.</li>
</ol>"""),
    ("How does two-step sign-in work?", 360000111111, """\
<h2 id="what-it-is">What it is</h2>
<p>Two-step sign-in asks for a code from your phone <u>after</u> your password.</p>
<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315" frameborder="0"
 allowfullscreen title="Turning on two-step sign-in"></iframe>
<h2 id="codes">Codes that do not arrive</h2>
<ul>
<li>Check the time on your phone.
<ul><li>Android: <em>Settings &gt; System &gt; Date</em></li><li>iPhone: <em>Settings &gt; General</em></li></ul>
</li>
<li>Use a backup code instead (see <a href="#what-it-is">above</a>).</li>
</ul>"""),
    ("Which plans are there and what do they cost?", 360000222222, """\
<p>Every plan is billed monthly or yearly. Prices are per user.</p>
<table style="border-collapse:collapse;width:100%">
<thead><tr><th style="width:30%">Plan</th><th>Price</th><th>Includes</th></tr></thead>
<tbody>
<tr><td>Starter</td><td>5&nbsp;€ | month</td><td>One project<br>E-mail support</td></tr>
<tr><td>Team</td><td>12 € | month</td><td>Unlimited projects<br>Phone support</td></tr>
</tbody></table>
<p>See <a href="/hc/en-us/sections/360000222222-Billing-and-invoices">all billing questions</a>.</p>"""),
    ("Where do I find my invoices?", 360000222222, """\
<p class="MsoNormal" style="margin-bottom:0cm;line-height:normal"><span style="font-family:Calibri,sans-serif;\
mso-fareast-font-family:'Times New Roman'">Invoices are listed under <b>Billing</b>.<o:p></o:p></span></p>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
<p class="MsoNormal"><span lang="EN-GB">Each invoice can be downloaded as a PDF.<o:p>&nbsp;</o:p></span></p>
<p><img src="/hc/article_attachments/9002/invoice-list.png" alt="The list of invoices"></p>"""),
    ("How do I use the API to export my data?", 360000333333, """\
<p>Call the export endpoint with your key:</p>
<pre><code>curl -H "Authorization: Bearer $KEY" https://api.example.com/v1/export?format=csv&amp;since=2024-01-01
</code></pre>
<p>The answer is a CSV file; a field such as <code>&lt;name&gt;</code> is written as it is.</p>
<p>Questions? Write to <a href="mailto:support@example.com">support@example.com</a>.</p>"""),
    ("Why does the app say my session expired?", 360000333333, """\
<p>For your safety, a session ends after 12&nbsp;hours without activity.</p>
<p><span style="color:#ff0000;font-size:14px"><strong>Tip:</strong></span> tick <i>Keep me signed in</i> on a
 private device.</p>
<blockquote><p>Shared computers should never keep you signed in.</p></blockquote>
<p>Related: <a href="https://example.zendesk.com/hc/en-us/articles/360001000001-How-do-I-reset-my-password#top">\
resetting your password</a>.</p>"""),
    ("What are the keyboard shortcuts?", 360000333333, """\
<dl><dt><kbd>Ctrl</kbd> + <kbd>K</kbd></dt><dd>Opens search.</dd><dt><kbd>?</kbd></dt><dd>Shows every
 shortcut.</dd></dl>
<p>Shortcuts work on Windows, Mac &amp; Linux; on a Mac, press <kbd>⌘</kbd> instead of <kbd>Ctrl</kbd>.</p>
<p>Watch it: <iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" width="640" height="360"></iframe>\
</p>"""),
    ("How do I close my account?", 360000111111, """\
<p>Closing your account deletes your projects after 30 days.</p>
<ol start="1">
<li><p>Export anything you want to keep.</p></li>
<li><p>Open <strong>Settings</strong> and choose <strong>Close account</strong>:</p>
<ul><li>type your password;</li><li>confirm.</li></ul></li>
</ol>"""),
]


def simple_body(number: int) -> str:
    return (
        f"<p>Answer number {number}: open the <strong>Dashboard</strong> and look for item {number}.</p>\n"
        "<ul><li>It shows today's figures.</li><li>It updates every minute.</li></ul>\n"
        f'<p>More in <a href="{HOST}/hc/en-us/articles/360001000001">the password article</a>.</p>'
    )


def zendesk_articles() -> list[dict[str, Any]]:
    """Eight rich articles, 26 simple ones, two drafts and a German translation: 37 in all."""
    found = []
    for index, (title, section, body) in enumerate(RICH_BODIES, 1):
        found.append(_article(360001000000 + index, title, section, body, index))
    for number in range(1, 27):
        title = f"How do I read dashboard figure {number}?"
        found.append(_article(360002000000 + number, title, SECTIONS[number % 3][0], simple_body(number), number))
    found.append({**_article(360003000001, "How do I draft this?", 360000111111, "<p>Not yet.</p>", 1),
                  "draft": True})
    found.append({**_article(360003000002, "Unfinished draft?", 360000222222, "<p>Soon.</p>", 2), "draft": True})
    # The German translation of the first article, as `GET /api/v2/help_center/de/articles` lists it.
    found.append({**_article(360001000001, "Wie setze ich mein Passwort zurück?", 360000111111, GERMAN_RESET, 1),
                  "locale": "de", "html_url": f"{HOST}/hc/de/articles/360001000001-Wie-setze-ich-mein-Passwort"})
    found[0]["promoted"] = True
    found[2]["promoted"] = True
    found[0]["label_names"] = ["password", "sign in"]
    found[2]["label_names"] = ["pricing"]
    return found


def _article(article_id: int, title: str, section: int, body: str, position: int) -> dict[str, Any]:
    return {
        "id": article_id,
        "url": f"{HOST}/api/v2/help_center/{LOCALE}/articles/{article_id}.json",
        "html_url": article_url(article_id, title),
        "author_id": 3600123456,
        "comments_disabled": False,
        "draft": False,
        "promoted": False,
        "position": position,
        "vote_sum": 0,
        "vote_count": 0,
        "section_id": section,
        "created_at": STAMP,
        "updated_at": STAMP,
        "edited_at": STAMP,
        "name": title,
        "title": title,
        "source_locale": LOCALE,
        "locale": LOCALE,
        "outdated": False,
        "outdated_locales": [],
        "permission_group_id": 2580,
        "user_segment_id": None,
        "content_tag_ids": [],
        "label_names": [],
        "body": body,
    }


def page(kind: str, items: list[dict[str, Any]], number: int = 1, count: int | None = None,
         per_page: int = 30) -> dict[str, Any]:
    """One page of a list response, with the pagination members the API sends."""
    total = count if count is not None else len(items)
    pages = max(1, -(-total // per_page))
    base = f"{HOST}/api/v2/help_center/{LOCALE}/{kind}.json"
    return {
        kind: items,
        "page": number,
        "previous_page": f"{base}?page={number - 1}&per_page={per_page}" if number > 1 else None,
        "next_page": f"{base}?page={number + 1}&per_page={per_page}" if number < pages else None,
        "per_page": per_page,
        "page_count": pages,
        "count": total,
        "sort_by": "position",
        "sort_order": "asc",
    }


def zendesk_sections() -> list[dict[str, Any]]:
    return [{
        "id": section_id, "url": f"{HOST}/api/v2/help_center/{LOCALE}/sections/{section_id}.json",
        "html_url": f"{HOST}/hc/{LOCALE}/sections/{section_id}-{'-'.join(name.split())}",
        "category_id": category_id, "position": position, "sorting": "manual", "created_at": STAMP,
        "updated_at": STAMP, "name": name, "description": description, "locale": LOCALE, "source_locale": LOCALE,
        "outdated": False, "parent_section_id": None, "theme_template": "section_page",
    } for position, (section_id, category_id, name, description) in enumerate(SECTIONS)]


def zendesk_categories() -> list[dict[str, Any]]:
    return [{
        "id": category_id, "url": f"{HOST}/api/v2/help_center/{LOCALE}/categories/{category_id}.json",
        "html_url": f"{HOST}/hc/{LOCALE}/categories/{category_id}-{'-'.join(name.split())}",
        "position": position, "created_at": STAMP, "updated_at": STAMP, "name": name, "description": "",
        "locale": LOCALE, "source_locale": LOCALE, "outdated": False,
    } for position, (category_id, name) in enumerate(CATEGORIES)]


def write_zendesk_export(folder: Path, articles: list[dict[str, Any]] | None = None, per_page: int = 30,
                         translations: bool = False) -> Path:
    """The export folder: articles in pages of `per_page`, sections, categories, and one picture; with
    `translations`, also a sub-section with two articles and the translations of `zendesk_translations`."""
    articles = zendesk_articles() if articles is None else articles
    folder.mkdir(parents=True, exist_ok=True)
    if translations:
        articles = articles + sub_section_articles()
        by_source: dict[int, list[dict[str, Any]]] = {}
        for translation in zendesk_translations():
            by_source.setdefault(translation["source_id"], []).append(translation)
        for source_id, found in by_source.items():  # as GET /api/v2/help_center/articles/{id}/translations
            write_json(folder / "translations" / f"{source_id}.json", page("translations", found))
    for start in range(0, max(len(articles), 1), per_page):
        number = start // per_page + 1
        chunk = articles[start:start + per_page]
        write_json(folder / f"articles-{number}.json", page("articles", chunk, number, len(articles), per_page))
    write_json(folder / "sections.json", page("sections", zendesk_sections() + (
        [sub_section()] if translations else [])))
    write_json(folder / "categories.json", page("categories", zendesk_categories()))
    write_pictures(folder)
    return folder


def write_pictures(folder: Path) -> None:
    """The pictures folder beside an export: one of the two pictures the articles show."""
    picture = folder / "images" / "hc" / "article_attachments" / "9001" / "sign-in page.png"
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.write_bytes(tiny_png())


def write_json(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False), encoding="utf-8")


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


SUB_SECTION = (360000444444, 360000111111, "Security keys")
"""A sub-section of 'Your account': (id, parent section, name)."""


def sub_section() -> dict[str, Any]:
    section_id, parent, name = SUB_SECTION
    return {**zendesk_sections()[0], "id": section_id, "name": name, "description": "", "position": 0,
            "parent_section_id": parent, "html_url": f"{HOST}/hc/{LOCALE}/sections/{section_id}-Security-keys"}


def sub_section_articles() -> list[dict[str, Any]]:
    return [_article(360004000001, "How do I add a security key?", SUB_SECTION[0], simple_body(101), 1),
            _article(360004000002, "What if I lose my security key?", SUB_SECTION[0], simple_body(102), 2)]


GERMAN_RESET = """\
<p>Wenn Sie Ihr Passwort vergessen haben,&nbsp;können Sie auf der Anmeldeseite ein neues festlegen.</p>
<div class="callout callout--warning"><p><strong>Hinweis:</strong> Der Link in der E-Mail gilt 24&nbsp;Stunden.</p>
</div>
<p><img src="https://example.zendesk.com/hc/article_attachments/9001/sign-in%20page.png" alt="Die Anmeldeseite"></p>
<p>Lesen Sie vorher, <a href="https://example.zendesk.com/hc/de/articles/360001000002-Zweistufige-Anmeldung">wie
 die zweistufige Anmeldung funktioniert</a>.</p>
<ol>
<li>Öffnen Sie die <strong>Anmeldeseite</strong>.</li>
<li>Klicken Sie auf <em>Passwort vergessen?</em> und geben Sie Ihre E-Mail-Adresse ein.</li>
<li>Öffnen Sie unsere E-Mail und wählen Sie ein neues Passwort.</li>
</ol>"""

# (article id, locale, title, body, draft, outdated): what GET /api/v2/help_center/articles/{id}/translations
# returns besides the source's own locale.
TRANSLATIONS: list[tuple[int, str, str, str, bool, bool]] = [
    (360001000002, "de", "Wie funktioniert die zweistufige Anmeldung?", """\
<h2 id="what-it-is">Was es ist</h2>
<p>Die zweistufige Anmeldung fragt <u>nach</u> Ihrem Passwort nach einem Code von Ihrem Telefon.</p>
<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315" allowfullscreen
 title="Zweistufige Anmeldung einschalten"></iframe>
<h2 id="codes">Codes, die nicht ankommen</h2>
<ul><li>Prüfen Sie die Uhrzeit auf Ihrem Telefon.</li>
<li>Verwenden Sie stattdessen einen Ersatzcode (siehe <a href="#what-it-is">oben</a>).</li></ul>""", False, False),
    (360001000003, "de", "Welche Tarife gibt es und was kosten sie?", """\
<p>Jeder Tarif wird monatlich oder jährlich abgerechnet.</p>
<table><thead><tr><th>Tarif</th><th>Preis</th></tr></thead>
<tbody><tr><td>Starter</td><td>5&nbsp;€ | Monat</td></tr></tbody></table>
<p>Siehe <a href="/hc/de/sections/360000222222-Abrechnung">alle Fragen zur Abrechnung</a>.</p>""", False, True),
    (360001000006, "de", "Warum sagt die App, dass meine Sitzung abgelaufen ist?", """\
<p>Zu Ihrer Sicherheit endet eine Sitzung nach 12&nbsp;Stunden ohne Aktivität.</p>
<p>Siehe auch: <a href="https://example.zendesk.com/hc/de/articles/360001000001-Passwort#top">Passwort
 zurücksetzen</a> und <a href="https://example.zendesk.com/hc/de/articles/360001000005">den Datenexport</a>.</p>""",
     False, False),
    (360001000008, "de", "Wie schließe ich mein Konto?", "<p>Noch nicht fertig.</p>", True, False),
    (360001000001, "he", "איך מאפסים את הסיסמה?", """\
<p>אם שכחתם את הסיסמה, אפשר לבחור סיסמה חדשה בדף הכניסה.</p>
<p>לפני שמתחילים, קראו <a href="https://example.zendesk.com/hc/he/articles/360001000002">איך עובדת כניסה בשני
 שלבים</a>.</p>
<ol><li>פתחו את דף <strong>הכניסה</strong>.</li><li>לחצו על <em>שכחתי סיסמה</em> והזינו את כתובת הדוא״ל.</li>
<li>פתחו את הדוא״ל ששלחנו ובחרו סיסמה חדשה.</li></ol>""", False, False),
    (360001000002, "he", "איך עובדת כניסה בשני שלבים?", """\
<p>כניסה בשני שלבים מבקשת קוד מהטלפון <strong>אחרי</strong> הסיסמה.</p>
<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="הפעלת כניסה בשני שלבים"></iframe>""", False, False),
    (360001000001, "fr", "Comment réinitialiser mon mot de passe ?", """\
<p>Depuis la page de connexion.</p><ol><li>Ouvrez la page.</li><li>Choisissez un mot de passe.</li></ol>""",
     False, False),
    *[(360002000000 + number, "de", f"Wie lese ich die Kennzahl {number} im Dashboard?", f"""\
<p>Antwort Nummer {number}: Öffnen Sie das <strong>Dashboard</strong> und suchen Sie Eintrag {number}.</p>
<ul><li>Es zeigt die Zahlen von heute.</li><li>Es wird jede Minute aktualisiert.</li></ul>
<p>Mehr im <a href="{HOST}/hc/de/articles/360001000001">Artikel zum Passwort</a>.</p>""", False, False)
      for number in (1, 2, 3)],
]


def zendesk_translations() -> list[dict[str, Any]]:
    """The translations of TRANSLATIONS, each article's source locale too (as the API lists it), and the German
    translation of the 'Your account' section."""
    found = [_translation(article["id"], "Article", LOCALE, article["title"], article["body"], False, False)
             for article in zendesk_articles()[:2]]
    found += [_translation(source_id, "Article", locale, title, body, draft, outdated)
              for source_id, locale, title, body, draft, outdated in TRANSLATIONS]
    found.append(_translation(360000111111, "Section", "de", "Ihr Konto",
                              "Anmelden, Passwörter und Profileinstellungen.", False, False))
    return found


def _slug(title: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in title).split())


def _translation(source_id: int, source_type: str, locale: str, title: str, body: str, draft: bool,
                 outdated: bool) -> dict[str, Any]:
    kind = f"{source_type.lower()}s"
    slug = _slug(title)
    return {
        "id": source_id * 10 + len(locale), "url": f"{HOST}/api/v2/help_center/{kind}/{source_id}/translations/"
        f"{locale}.json", "html_url": f"{HOST}/hc/{locale}/{kind}/{source_id}-{slug}", "source_id": source_id,
        "source_type": source_type, "locale": locale, "title": title, "body": body, "outdated": outdated,
        "draft": draft, "hidden": False, "created_at": STAMP, "updated_at": STAMP, "updated_by_id": 3600123456,
        "created_by_id": 3600123456,
    }
