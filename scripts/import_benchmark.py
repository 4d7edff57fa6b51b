"""The import benchmark: a synthetic Zendesk export of N articles imported into an empty help center.

Run it as `python scripts/import_benchmark.py [--articles 5000] [--translations]`. Each article has
the HTML a real one has (paragraphs with inline styles, a nested list, a table, a picture, a link to
another article, an ordered list that becomes the steps); every tenth has a video. With
`--translations`, each article has a German translation of the same shape (the help center declares
English and German). It prints the CPU and wall-clock time of the whole `helpcenter import`, and of
its parts: reading the export, converting the HTML, and writing (staging, checking with the loader,
moving in).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from helpcenter.importing.existing import existing_content
from helpcenter.importing.plan import plan_import
from helpcenter.importing.planned import ImportOptions
from helpcenter.importing.write import write_import
from helpcenter.importing.zendesk import read_zendesk

HOST = "https://example.zendesk.com"
SECTIONS = 50
SETTINGS = "home:\n  title: How can we help?\ncontact:\n  email: support@example.com\n"
CATEGORIES = "general:\n  title: General\n  description: Everything else.\n  icon: material/help\n  order: 1\n"


def body(number: int, total: int) -> str:
    other = (number * 7919) % total + 1
    video = ('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315"></iframe>'
             if number % 10 == 0 else "")
    return (
        f'<p class="MsoNormal" style="margin:0">Article {number} explains setting {number}&nbsp;in detail.'
        '<o:p></o:p></p>'
        '<ul><li>First point<ul><li>a detail</li><li>another detail</li></ul></li><li>Second point</li></ul>'
        '<table><thead><tr><th>Plan</th><th>Limit</th></tr></thead><tbody>'
        f'<tr><td>A | B</td><td>{number}<br>per day</td></tr></tbody></table>'
        f'<p><img src="/hc/article_attachments/{number}/screen.png" alt="Screen {number}"></p>'
        f'<p>See also <a href="{HOST}/hc/en-us/articles/{other}-Other">article {other}</a>.</p>{video}'
        '<ol><li>Open <strong>Settings</strong>.</li><li>Change the value.</li><li>Press Save.</li></ol>'
    )


def write_export(folder: Path, total: int, translations: bool) -> None:
    folder.mkdir(parents=True)
    for page, start in enumerate(range(0, total, 100), 1) if translations else ():
        german = [{
            "id": 10 * number, "source_id": number, "source_type": "Article", "locale": "de",
            "html_url": f"{HOST}/hc/de/articles/{number}-Wie-aendere-ich-Einstellung-{number}",
            "title": f"Wie ändere ich Einstellung {number}?", "draft": False, "outdated": number % 25 == 0,
            "body": body(number, total).replace("Article", "Artikel").replace("See also", "Siehe auch"),
        } for number in range(start + 1, min(start + 100, total) + 1)]
        (folder / f"translations-{page}.json").write_text(json.dumps({"translations": german}), "utf-8")
    for page, start in enumerate(range(0, total, 100), 1):
        articles = [{
            "id": number, "html_url": f"{HOST}/hc/en-us/articles/{number}-How-do-I-change-setting-{number}",
            "title": f"How do I change setting {number}?", "section_id": 1000 + number % SECTIONS,
            "locale": "en-us", "source_locale": "en-us", "draft": number % 50 == 0, "promoted": False,
            "label_names": ["settings"], "body": body(number, total),
        } for number in range(start + 1, min(start + 100, total) + 1)]
        (folder / f"articles-{page}.json").write_text(json.dumps({"articles": articles, "count": total}), "utf-8")
    sections = [{"id": 1000 + index, "name": f"Topic {index}", "description": f"Questions on topic {index}.",
                 "html_url": f"{HOST}/hc/en-us/sections/{1000 + index}-Topic-{index}", "locale": "en-us",
                 "position": index} for index in range(SECTIONS)]
    (folder / "sections.json").write_text(json.dumps({"sections": sections}), encoding="utf-8")


class Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        found = (cpu - self.cpu, wall - self.wall)
        self.wall, self.cpu = wall, cpu
        return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--translations", action="store_true", help="a German translation of every article")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(dir="/dev/shm" if os.path.isdir("/dev/shm") else None) as name:
        root = Path(name)
        data = root / "faq_data"
        (data / "entries" / "general").mkdir(parents=True)
        (data / "settings.yml").write_text(SETTINGS + ("languages: [en, de]\n" if arguments.translations else ""),
                                           encoding="utf-8")
        (data / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
        (data / "entries" / "general" / "welcome.yml").write_text(
            "title: Welcome?\nsummary: Hello.\ncategory: general\nreviewed: 2026-01-01\nowner: Team\nanswer: Hi.\n",
            encoding="utf-8")
        (root / "published-urls.txt").write_text("/\n/general/\n/general/welcome/\n", encoding="utf-8")
        (root / "docs").mkdir()
        write_export(root / "export", arguments.articles, arguments.translations)
        parts: dict[str, tuple[float, float]] = {}
        clock = Clock()
        export = read_zendesk(root / "export", root)
        parts["read the export"] = clock.lap()
        categories, entry_ids, languages, problems = existing_content(data, root / "docs", root)
        options = ImportOptions(owner="Team", languages=languages)
        plan = plan_import(export, categories, entry_ids, options)
        parts["convert the HTML"] = clock.lap()
        written, problems = write_import(plan, data, root / "docs", root / "published-urls.txt",
                                         root / "schemas", options, root)
        parts["stage, check and write"] = clock.lap()
        if written is None or export.problems or plan.problems:
            sys.exit("\n".join(str(problem) for problem in [*export.problems, *plan.problems, *problems][:20]))
        print(f"{len(plan.entries)} articles imported ({plan.drafts} drafts skipped), "
              f"{len(plan.translations)} translations, {len(written.redirects)} redirects, "
              f"{len(written.files)} files written")
        for label, (cpu, wall) in parts.items():
            print(f"  {label:<24} {cpu:7.2f} s CPU {wall:7.2f} s wall")
        cpu = sum(cpu for cpu, _ in parts.values())
        wall = sum(wall for _, wall in parts.values())
        print(f"  {'total':<24} {cpu:7.2f} s CPU {wall:7.2f} s wall")


if __name__ == "__main__":
    main()
