"""The shortcuts that make generating pages cheaper give what they replace.

Each is compared with the general way it stands for: the page templates' environment and filters
with Jinja's own (whole help centers rendered both ways), the edit links with `os.path.relpath`
for each file, a page's canonical address with MkDocs' `urljoin` and `urlsplit`, and the structured
data's text steps with the regular expression and `str.translate` they replace.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import string
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2.filters import do_urlencode
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from conftest import ROOT, copy_project
from helpcenter.content import CATEGORIES_FILE, SETTINGS_FILE, load_help_center
from helpcenter.edit_links import edit_uri_for, edit_uris, edit_url
from helpcenter.model import HelpCenter
from helpcenter.render import HOME_URI, PageRenderer
from helpcenter.structured_data import SiteAddress, _one_line, canonical_address, json_ld_script_text, page_path
from helpcenter.synthetic import write_synthetic_content
from helpcenter.template_filters import _TEMPLATES, make_environment, markdown_text, url_quote
from hostile_content import write_hostile_content

TEXT = st.text(alphabet=st.sampled_from(string.printable + "é“”’\u00a0\u2028\u2029<>&😀"), max_size=40)


# The filters and the environment, as they were written before the shortcuts.

_REFERENCE_ESCAPES = {
    ord(character): f"&#{ord(character)};" for character in string.punctuation if character not in ",?'/;\"%-."
}
_REFERENCE_LIST_MARKER = re.compile(r"^(\s*)([-.]|\d+\.)")


def page_sources(help_center: HelpCenter, data_dir: Path, project_root: Path) -> dict[str, Path]:
    """The reference for `edit_uris`: generated page (its src_uri) to the file an editor changes."""
    sources = {HOME_URI: data_dir / SETTINGS_FILE}
    sources.update({category.src_uri: data_dir / CATEGORIES_FILE for category in help_center.categories})
    sources.update({entry.src_uri: project_root / entry.source for entry in help_center.entries})
    return sources


def reference_markdown_text(text: str) -> str:
    escaped = text.translate(_REFERENCE_ESCAPES).replace("\n", " ")
    return _REFERENCE_LIST_MARKER.sub(
        lambda match: match.group(1) + match.group(2).replace("-", "&#45;").replace(".", "&#46;"), escaped
    )


def reference_environment(override_dir: Path | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if override_dir is not None and override_dir.is_dir():
        loaders.append(jinja2.FileSystemLoader(override_dir))
    loaders.append(jinja2.FileSystemLoader(_TEMPLATES))
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders), autoescape=False, undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )
    environment.filters["md"] = reference_markdown_text
    environment.filters["attr"] = lambda text: html.escape(text, quote=True)
    environment.filters["indent_block"] = lambda text, width=4: text.replace("\n", "\n" + " " * width)
    return environment


@given(TEXT)
def test_markdown_text_is_the_translation_it_replaces(text: str) -> None:
    assert markdown_text(text) == reference_markdown_text(text)


@pytest.mark.parametrize("text", ["- a", "  12. x", ".", "\n-x", "1.5", "-", "3.14 is pi", "a - b", "#1", "* x"])
def test_markdown_text_at_the_start_of_a_line(text: str) -> None:
    assert markdown_text(text) == reference_markdown_text(text)


@given(TEXT)
def test_url_quote_is_jinjas_urlencode(text: str) -> None:
    assert url_quote(text) == do_urlencode(text)


@pytest.mark.parametrize("value", [{"a b": "c&d"}, [("x", "y z")], 42, "100% sure?", "/a b/c", "~_.-", ""])
def test_url_quote_gives_urlencode_for_anything_else_too(value: object) -> None:
    assert url_quote(value) == do_urlencode(value)  # type: ignore[arg-type]


def test_templates_keep_jinjas_globals() -> None:
    environment = make_environment()
    template = environment.from_string("{% set ns = namespace(n=0) %}{% for i in range(3) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}")
    assert template.render() == "3"
    assert environment.from_string("{{ dict(a=1) }} {{ joiner }}").render(joiner="j") == "{'a': 1} j"


def _synthetic(folder: Path) -> Path:
    project = copy_project(folder)
    shutil.rmtree(project / "faq_data")
    write_synthetic_content(project / "faq_data", 120)
    return project


def _hostile(folder: Path) -> Path:
    project = copy_project(folder)
    write_hostile_content(project)
    return project


@pytest.fixture(scope="module", params=["repository", "synthetic", "hostile"])
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if request.param == "repository":
        return ROOT
    make = _synthetic if request.param == "synthetic" else _hostile
    return make(tmp_path_factory.mktemp(request.param) / "project")


@pytest.fixture(scope="module")
def help_center(project: Path) -> HelpCenter:
    return load_help_center(project / "faq_data", project)


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_every_page_renders_as_with_jinjas_own_environment_and_filters(
    help_center: HelpCenter, use_directory_urls: bool
) -> None:
    fast = PageRenderer(help_center, make_environment(), use_directory_urls).pages()
    general = PageRenderer(help_center, reference_environment(), use_directory_urls).pages()
    assert len(fast) == len(general) > 3
    for made, expected in zip(fast, general):
        assert (made.src_uri, made.markdown, made.html_after, made.html_end) == (
            expected.src_uri, expected.markdown, expected.html_after, expected.html_end
        )


def test_overridden_templates_render_as_with_jinjas_own_environment(help_center: HelpCenter, tmp_path: Path) -> None:
    """A project's own templates get the same filters and globals (here: a loop, `range` and `loop.last`)."""
    (tmp_path / "entry-links.html.j2").write_text(
        "{% for other, href in related %}{{ href | attr }} {{ other.title | md }}{{ ';' if not loop.last }}{% endfor %}"
        "{% for i in range(2) %}{{ i }}{% endfor %} {{ entry.title | urlencode }}\n", encoding="utf-8",
    )
    fast = PageRenderer(help_center, make_environment(tmp_path)).pages()
    general = PageRenderer(help_center, reference_environment(tmp_path)).pages()
    assert [page.html_end for page in fast] == [page.html_end for page in general]
    assert any("01 " in page.html_end for page in fast)


@pytest.mark.parametrize("docs", ["docs", ".", "faq_data/entries/account", "elsewhere/docs", "/", "../outside"])
def test_edit_links_are_the_relative_paths_worked_out_for_each_file(help_center: HelpCenter, project: Path, docs: str) -> None:
    docs_dir = project / docs
    data_dir = project / "faq_data"
    expected = {src_uri: edit_uri_for(source, docs_dir) for src_uri, source in page_sources(help_center, data_dir, project).items()}
    assert edit_uris(help_center, data_dir, project, docs_dir) == expected


def test_edit_links_of_content_outside_the_project(tmp_path: Path) -> None:
    """Entry sources are then absolute paths, or climb out of the project with '..'."""
    content = tmp_path / "content"
    write_synthetic_content(content, 60)
    for root in (tmp_path / "project", tmp_path / "a" / "b"):
        root.mkdir(parents=True)
        help_center = load_help_center(content, root)
        assert any(entry.source.startswith(("/", "..")) for entry in help_center.entries)
        for docs_dir in (root / "docs", tmp_path, content / "entries", Path("/")):
            expected = {
                src_uri: edit_uri_for(source, docs_dir) for src_uri, source in page_sources(help_center, content, root).items()
            }
            assert edit_uris(help_center, content, root, docs_dir) == expected


SITE_URLS = [
    "https://help.example.com/", "https://help.example.com", "https://example.org/help", "https://example.org/help/",
    "http://localhost:8000/a/b/", "https://example.org/help?x=1", "https://example.org/help#top", "https://example.org/?",
    "https://user@example.org:8443/x%20y/",
]
PAGE_SOURCES = ["index.md", "account/index.md", "account/change-password.md", "a b/c.md", "café/x.md",
                "two-factor/reset_2fa.md", "x/y~z.md", "-x/-y.md"]


@pytest.mark.parametrize("site_url", SITE_URLS)
@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_a_pages_canonical_address_is_what_mkdocs_works_out(site_url: str, use_directory_urls: bool) -> None:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Help", "site_url": site_url, "use_directory_urls": use_directory_urls})
    assert config.validate() == ([], [])
    for src_uri in PAGE_SOURCES:
        file = File(src_uri, "/docs", "/site", use_directory_urls)
        page = Page(None, file, config)
        found = canonical_address(config.site_url, page.url)
        if found is not None:
            assert found == (page.canonical_url, page.abs_url), src_uri
    root = site_url if site_url.endswith("/") else site_url + "/"
    plain = canonical_address(site_url, "account/")
    assert (plain is None) == bool(urlsplit(root).query or urlsplit(root).fragment)
    if plain is not None:
        assert plain == (urljoin(root, "account/"), urlsplit(urljoin(root, "account/")).path)


def test_site_addresses_are_the_same_worked_out_once() -> None:
    address = SiteAddress("https://example.org/help")
    first = [address.page(src_uri) for src_uri in PAGE_SOURCES]
    assert first == [address.page(src_uri) for src_uri in PAGE_SOURCES]
    assert first == [address.file(page_path(src_uri)) for src_uri in PAGE_SOURCES]
    assert address == SiteAddress("https://example.org/help") and hash(address) == hash(SiteAddress("https://example.org/help"))


_REFERENCE_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


@given(st.dictionaries(TEXT, st.one_of(TEXT, st.lists(TEXT, max_size=3)), max_size=4))
def test_json_ld_is_made_script_safe_as_by_the_translation(data: dict) -> None:
    expected = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_REFERENCE_SCRIPT_SAFE)
    assert json_ld_script_text(data) == expected


_REFERENCE_WHITESPACE = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")


@given(st.text(alphabet=st.sampled_from("ab \t\n\r\f\v\u00a0\u2028é"), max_size=30))
def test_a_line_of_text_is_collapsed_as_by_the_regular_expression(text: str) -> None:
    assert _one_line(text) == _REFERENCE_WHITESPACE.sub(" ", text).strip(" ")


REPOSITORIES = ["https://github.com/example/help-center", "https://github.com/example/help-center/",
                "https://gitlab.example.com/group/sub/repo.git/", "https://example.org/repo?x=1", "https://example.org/r#f"]
EDIT_URIS = ["edit/main/docs/", "blob/main/docs/", "-/edit/main/", "src/branch/main/docs/", "?path=/docs/",
             "#docs/", "edit/main/a;b/", "https://github.com/other/repo/edit/main/docs/", "edit/main/docs/../"]
EDIT_PATHS = ["../faq_data/entries/account/change-password.yml", "../faq_data/categories.yml", "contact.md",
              "../faq_data/settings.yml", "a b/c d.yml", "../x;y/z.yml", "../x/y;z.yml", "../x/..", "../x/.",
              "../../../../outside.yml", "./x/./y.yml", "../x//y.yml", "../café/é.yml", "../x/y.yml?v=1"]


@pytest.mark.parametrize("repo_url", REPOSITORIES)
@pytest.mark.parametrize("edit_uri", EDIT_URIS)
def test_an_edit_link_is_what_mkdocs_joins(repo_url: str, edit_uri: str) -> None:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Help", "repo_url": repo_url, "edit_uri": edit_uri})
    assert config.validate()[0] == []
    for path in EDIT_PATHS:
        file = File("account/x.md", "/docs", "/site", True)
        file.edit_uri = path
        found = edit_url(config.repo_url, config.edit_uri, path)
        if found is not None:
            assert found == Page(None, file, config).edit_url, path
    assert edit_url(config.repo_url, config.edit_uri, "../faq_data/entries/account/x.yml") is not None or any(
        character in config.edit_uri for character in "?#;"
    ) or not config.edit_uri.endswith("/")
