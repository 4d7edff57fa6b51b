"""The files published for machines, for one language: `llms.txt`, `llms-full.txt`, `entries.json` and the
Markdown copy beside each entry page."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from helpcenter.model import Entry, HelpCenter
from helpcenter.render.addresses import markdown_copy_path
from helpcenter.render.entries_json import ENTRIES_JSON, entries_json
from helpcenter.render.llms_txt import LLMS_FULL_TXT, LLMS_TXT, llms_full_txt, llms_txt
from helpcenter.render.markdown_copies import entry_texts, markdown_copy
from helpcenter.render.structured_data import SiteAddress


@dataclass(frozen=True)
class MachineFileChoice:
    """Which of the files are published."""

    llms_txt: bool = True
    llms_full_txt: bool = True
    markdown_copies: bool = True
    entries_json: bool = True

    @property
    def any(self) -> bool:
        return self.llms_txt or self.llms_full_txt or self.markdown_copies or self.entries_json


@dataclass(frozen=True)
class SiteFacts:
    """What the files say about the site of one language."""

    name: str
    summary: str
    language: str


def machine_files(
    help_center: HelpCenter,
    address: SiteAddress,
    site: SiteFacts,
    choice: MachineFileChoice,
    plain_text_of: Callable[[Entry], str],
) -> Iterator[tuple[str, Iterable[str]]]:
    """Each chosen file's path, relative to the site's root at `address`, and its text in pieces; a language
    other than the default has its own set in its folder (`de/llms.txt`), its Markdown copies beside its pages.

    Each file is made as it is asked for, so that a writer holds one at a time, never all of them.
    `plain_text_of` gives an entry's answer and steps as plain text (for the JSON).
    """
    if not choice.any:
        return
    folder = f"{help_center.language}/" if help_center.language else ""
    texts = entry_texts(help_center, address, with_copies=choice.markdown_copies)
    if choice.markdown_copies:
        for text in texts:
            yield markdown_copy_path(text.entry.src_uri, address.use_directory_urls), (markdown_copy(text),)
    also = [(name, address.file(folder + name)) for name, chosen in
            ((LLMS_FULL_TXT, choice.llms_full_txt), (ENTRIES_JSON, choice.entries_json)) if chosen]
    if choice.llms_txt:
        yield folder + LLMS_TXT, (llms_txt(site.name, site.summary, texts, also),)
    if choice.llms_full_txt:
        yield folder + LLMS_FULL_TXT, llms_full_txt(site.name, site.summary, texts)
    if choice.entries_json:
        plain = {text.entry.id: plain_text_of(text.entry) for text in texts}
        yield folder + ENTRIES_JSON, entries_json(site.name, address.file(folder), site.language, texts, plain)
