"""A synthetic help center of any size, written as real content files, for benchmarks and scale tests.

Entry number `i` is the same file whatever the total size: its text comes from a random generator
seeded with `i`, it sits in category `i // per_category`, and it links only to entries of its own
category. So the page of entry 7 can be compared byte for byte between a 100-entry and a
10,000-entry help center.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from helpcenter.load.site_addresses import page_translation_name

ENTRIES_PER_CATEGORY = 50
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides")
THUMBNAIL = "assets/videos/synthetic-thumbnail.svg"

_VERBS = ("change", "reset", "update", "find", "download", "cancel", "share", "export", "connect",
          "verify", "remove", "restore", "transfer", "renew", "activate", "delete", "set up", "unlock")
_THINGS = ("password", "invoice", "subscription", "e-mail address", "phone number", "payment card",
           "account", "profile picture", "two-factor code", "receipt", "order", "team member",
           "notification settings", "API key", "backup", "calendar", "report", "shipping address")
_PLACES = ("on my phone", "from the web app", "for my team", "after a move", "while travelling",
           "on a new computer", "without the app", "for a closed account", "in bulk", "again")
_TOPICS = ("Account", "Billing", "Payments", "Security", "Orders", "Shipping", "Teams", "Reports",
           "Notifications", "Mobile app", "Integrations", "Privacy", "Devices", "Subscriptions")
_ICONS = ("material/account-circle", "material/cash", "material/credit-card", "material/shield-key",
          "material/package-variant", "material/truck", "material/account-group", "material/chart-bar",
          "material/bell", "material/cellphone", "material/puzzle", "material/lock", "material/laptop",
          "material/autorenew")
_WORDS = ("open", "settings", "page", "select", "button", "screen", "account", "menu", "choose",
          "confirm", "change", "save", "e-mail", "link", "code", "minutes", "device", "browser",
          "app", "message", "support", "team", "request", "details", "name", "date", "receive",
          "check", "enter", "again", "sign", "press", "option", "list", "profile", "security",
          "payment", "invoice", "order", "address", "phone", "number", "update", "new", "old",
          "first", "next", "usually", "within", "after", "before", "your", "the", "a", "we", "you",
          "can", "will", "it", "this", "that", "is", "to", "of", "in", "for", "on", "with", "and")
_OWNERS = ("Support team", "Billing team", "Security team", "Product team")


def write_synthetic_content(data_dir: Path, entries: int, per_category: int = ENTRIES_PER_CATEGORY) -> None:
    """Write `settings.yml`, `categories.yml` and `entries` files of `entries` entries into `data_dir`."""
    if entries < 1 or per_category < 1:
        raise ValueError("a help center needs at least one entry and one entry per category")
    categories = (entries + per_category - 1) // per_category
    (data_dir / "entries").mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.yml").write_text(_settings(min(entries, 4)), encoding="utf-8")
    (data_dir / "categories.yml").write_text(
        "".join(_category(number) for number in range(categories)), encoding="utf-8"
    )
    for number in range(categories):
        (data_dir / "entries" / category_id(number)).mkdir(exist_ok=True)
    for number in range(entries):
        category = number // per_category
        first = category * per_category
        siblings = range(first, min(first + per_category, entries))
        path = data_dir / "entries" / category_id(category) / f"{entry_id(number)}.yml"
        path.write_text(_entry(number, category, siblings), encoding="utf-8")


def write_synthetic_project(
    destination: Path, entries: int, project_root: Path, per_category: int = ENTRIES_PER_CATEGORY
) -> Path:
    """A buildable project: the real mkdocs.yml, docs/ and overrides/, with synthetic content."""
    copy_project_parts(destination, project_root)
    thumbnail = destination / "docs" / THUMBNAIL
    thumbnail.parent.mkdir(parents=True, exist_ok=True)
    thumbnail.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360">'
        '<rect width="640" height="360" fill="#3f51b5"/></svg>\n',
        encoding="utf-8",
    )
    write_synthetic_content(destination / "faq_data", entries, per_category)
    # A synthetic help center has never been published: no ledger of addresses to keep.
    return without_ledger(destination)


def copy_project_parts(destination: Path, project_root: Path) -> None:
    """The project's mkdocs.yml, docs/ and overrides/ copied into `destination`, without content (nor the
    pages' translations, which only a help center in those languages publishes)."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = project_root / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=lambda _folder, names: [
                name for name in names if name.endswith(".md") and page_translation_name(name) is not None
            ])
        else:
            shutil.copy2(source, destination / part)


def without_ledger(project: Path) -> Path:
    """Turn off the published-address check in the project's mkdocs.yml (content that replaces the real one)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "  - helpcenter\n" not in text:
        raise ValueError(f"{config} does not list the helpcenter plugin without options")
    config.write_text(text.replace("  - helpcenter\n", "  - helpcenter:\n      ledger: ''\n"), encoding="utf-8")
    return project


def with_semantic_search(project: Path, root: Path) -> Path:
    """Turn on the semantic search mode in a project made by `without_ledger`, with `root`'s node_modules
    (the browser runtime) and `root`'s cache of the encoder."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      ledger: ''\n", "      ledger: ''\n      semantic_search: true\n"),
                      encoding="utf-8")
    (project / "node_modules").symlink_to(root / "node_modules", target_is_directory=True)
    (root / ".cache" / "helpcenter").mkdir(parents=True, exist_ok=True)
    (project / ".cache").mkdir(exist_ok=True)
    (project / ".cache" / "helpcenter").symlink_to(root / ".cache" / "helpcenter", target_is_directory=True)
    return project


def category_id(number: int) -> str:
    return f"topic-{number + 1:03d}"


def entry_id(number: int) -> str:
    return f"question-{number + 1:05d}"


def entry_title(number: int) -> str:
    rng = random.Random(f"title-{number}")
    return f"How do I {rng.choice(_VERBS)} my {rng.choice(_THINGS)} {rng.choice(_PLACES)} (case {number + 1})?"


def _settings(featured: int) -> str:
    return (
        "home:\n  title: How can we help?\n  intro: Search for your question, or pick a topic below.\n"
        f"featured: [{', '.join(entry_id(number) for number in range(featured))}]\n"
        "contact:\n  email: support@example.com\n  hours: Monday to Friday, 9:00-18:00 CET\n"
        "links:\n  support: mailto:support@example.com\n  portal: https://portal.example.com/\n"
        "  status: https://status.example.com/\n"
    )


def _category(number: int) -> str:
    topic = _TOPICS[number % len(_TOPICS)]
    return (
        f"{category_id(number)}:\n"
        f"  title: {topic} {number + 1}\n"
        f"  description: Questions about {topic.lower()}, group {number + 1}.\n"
        f"  icon: {_ICONS[number % len(_ICONS)]}\n"
        f"  order: {number + 1}\n"
    )


def _entry(number: int, category: int, siblings: range) -> str:
    rng = random.Random(number)
    others = [other for other in siblings if other != number]
    # Answer and steps together: 80 to 300 words, most answers short (the mode is 120).
    words = round(rng.triangular(80, 300, 120))
    steps = [_step(rng) for _ in range(rng.randint(3, 6))] if rng.random() < 0.4 else []
    words = max(40, words - sum(len(step.split()) for step in steps))
    lines = [
        f"title: {_quoted(entry_title(number))}",
        f"summary: {_quoted(_sentence(rng, 12, 24))}",
        f"category: {category_id(category)}",
        f"reviewed: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"owner: {rng.choice(_OWNERS)}",
        "answer: |",
        *("  " + line if line else "" for line in _answer(rng, others, words).split("\n")),
    ]
    if steps:
        lines.append("steps:")
        lines.extend(f"  - {_quoted(step)}" for step in steps)
    if rng.random() < 0.1:
        lines.extend(_video(rng, number))
    if others and rng.random() < 0.7:
        lines.append("related:")
        lines.extend(f"  - {entry_id(other)}" for other in rng.sample(others, min(len(others), rng.randint(1, 3))))
    lines.append(f"tags: [{', '.join(rng.sample(_THINGS, 3))}]")
    if rng.random() < 0.6:
        lines.append("also_asked:")
        lines.extend(f"  - {_quoted(_sentence(rng, 5, 10).rstrip('.') + '?')}" for _ in range(rng.randint(1, 3)))
    return "\n".join(lines) + "\n"


def _answer(rng: random.Random, others: list[int], target: int) -> str:
    """About `target` words of Markdown: paragraphs with links and emphasis, often a list, sometimes a note."""
    blocks: list[str] = []
    words = 0
    after_paragraph = False
    while words < target:
        kind = rng.random() if after_paragraph and target - words >= 40 else 1.0
        after_paragraph = kind >= 0.3
        if kind < 0.25:
            items = [_sentence(rng, 4, 12) for _ in range(rng.randint(3, 5))]
            blocks.append("\n".join(f"- {item}" for item in items))
            words += sum(len(item.split()) for item in items)
        elif kind < 0.3:
            note = _sentence(rng, 10, 20)
            blocks.append(f'!!! note "Good to know"\n\n    {note}')
            words += len(note.split()) + 3
        else:
            sentences: list[str] = []
            while words < target and len(sentences) < 4:
                sentences.append(_sentence(rng, 8, 18))
                words += len(sentences[-1].split())
            blocks.append(_with_link(rng, " ".join(sentences), others))
    return "\n\n".join(blocks)


def _with_link(rng: random.Random, paragraph: str, others: list[int]) -> str:
    choice = rng.random()
    if choice < 0.3:
        target = "link:support"
    elif choice < 0.5 and others:
        target = f"entry:{entry_id(rng.choice(others))}"
    elif choice < 0.6:
        target = "https://portal.example.com/help"
    elif choice < 0.8:
        return paragraph.replace(" the ", " the **important** ", 1)
    else:
        return paragraph
    return f"{paragraph} For details, see [this page]({target})."


def _step(rng: random.Random) -> str:
    step = _sentence(rng, 5, 14)
    return f"{step[:-1]} and press **{rng.choice(('Save', 'Next', 'Confirm', 'Done'))}**."


def _video(rng: random.Random, number: int) -> list[str]:
    if rng.random() < 0.5:
        url = "https://www.youtube.com/watch?v=" + "".join(rng.choices("abcdefghijkLMNOP0123456789_-", k=11))
    else:
        url = f"https://vimeo.com/{rng.randint(10_000_000, 99_999_999)}"
    lines = [
        "video:",
        f"  url: {url}",
        f"  title: {_quoted(f'Video walk-through {number + 1}')}",
        f"  description: {_quoted(_sentence(rng, 8, 14))}",
        f"  uploaded: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    ]
    if rng.random() < 0.5:
        lines.append(f"  thumbnail: {THUMBNAIL}")
    return lines


def _sentence(rng: random.Random, shortest: int, longest: int) -> str:
    words = rng.choices(_WORDS, k=rng.randint(shortest, longest))
    return " ".join(words).capitalize() + "."


def _quoted(text: str) -> str:
    """A JSON string is a valid double-quoted YAML scalar."""
    return json.dumps(text, ensure_ascii=False)
