"""The fields of every content file: the single source for validation, the JSON Schemas and the docs."""

from __future__ import annotations

from helpcenter.load.fields import Field
from helpcenter.load.languages import LANGUAGE_HINT, LANGUAGE_PATTERN, language_advice
from helpcenter.load.video import VIDEO_URL_PATTERN
from helpcenter.problems import HIDDEN_CHARACTERS

ID_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"
ID_HINT = "lower-case letters, digits and single hyphens, such as 'reset-2fa'"
# An address and nothing more: no quotes, brackets or separators, none of '?&=%#/', which would add
# a query (a hidden Bcc, a subject) to every mailto: link, and no invisible characters.
_EMAIL_PART = r"[^@\s<>\"'()\[\]\\,;:?&=%#/" + HIDDEN_CHARACTERS + "]+"
EMAIL_PATTERN = rf"{_EMAIL_PART}@{_EMAIL_PART}\.{_EMAIL_PART}"
VIDEO_URL_HINT = "a YouTube or Vimeo link such as https://www.youtube.com/watch?v=... or https://vimeo.com/123"
REDIRECT_PATTERN = r"[a-z0-9_-]+(/[a-z0-9_-]+)*/"
REDIRECT_HINT = "a site path without the domain that ends with '/', such as 'account/old-question/'"


def redirect_advice(text: str) -> str | None:
    """The fix for an old address written in one of the usual wrong ways, or None."""
    path = text.strip()
    for prefix in ("https://", "http://"):
        if path.lower().startswith(prefix):
            path = path[len(prefix):].partition("/")[2]
            return f"write the address without the domain: '{_as_path(path)}'"
    if path.startswith("/"):
        return f"write the address without the '/' in front: '{_as_path(path)}'"
    if path.endswith((".yml", ".yaml")):
        return f"write the page's address, not its file: '{_as_path(path)}'"
    if path != path.lower():
        return f"addresses are lower-case: '{_as_path(path)}'"
    if not path.endswith("/"):
        return f"end the address with '/': '{path}/'"
    return None


def _as_path(text: str) -> str:
    path = text.strip().strip("/").lower().removeprefix("faq_data/entries/")
    for suffix in (".yml", ".yaml", ".html", "/index"):
        path = path.removesuffix(suffix)
    return f"{path}/"


THUMBNAIL_PATTERN = r"(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\.(png|jpg|jpeg|webp|avif|gif|svg)"
THUMBNAIL_HINT = "a picture's path under docs/, such as 'assets/videos/reset-2fa.jpg'"

VIDEO_FIELDS = (
    Field("url", "url", True, f"the video's address: {VIDEO_URL_HINT}",
          pattern=VIDEO_URL_PATTERN, pattern_hint=VIDEO_URL_HINT),
    Field("title", "text", True, "the video's title, shown on the play button"),
    Field("description", "text", True, "one sentence on what the video shows (used by search engines)"),
    Field("uploaded", "date", True, "the date the video was published, as YYYY-MM-DD"),
    Field("thumbnail", "text", False,
          "a picture shown before the video plays: a path under docs/, such as 'assets/videos/reset-2fa.jpg'",
          pattern=THUMBNAIL_PATTERN, pattern_hint=THUMBNAIL_HINT),
)

ENTRY_FIELDS = (
    Field("title", "text", True, "the question, as a customer would ask it"),
    Field("summary", "text", True, "one sentence that answers the question; shown in lists and to search engines"),
    Field("category", "text", True, "the id of a category from faq_data/categories.yml",
          pattern=ID_PATTERN, pattern_hint=ID_HINT),
    Field("reviewed", "date", True, "the date the answer was last checked, as YYYY-MM-DD"),
    Field("owner", "text", True, "who keeps this answer correct: a person or a team"),
    Field("answer", "markdown", True, "the answer, in Markdown"),
    Field("steps", "markdown_list", False, "ordered steps, one item each, shown as a numbered list"),
    Field("video", "mapping", False, "a video that shows the answer", fields=VIDEO_FIELDS),
    Field("related", "text_list", False, "ids of related entries (their file names without .yml)",
          pattern=ID_PATTERN, pattern_hint=ID_HINT),
    Field("tags", "text_list", False, "words that describe the entry, used by search"),
    Field("also_asked", "text_list", False, "other ways customers ask the same question"),
    Field("redirect_from", "text_list", False,
          "old addresses of this entry, so bookmarks and search results keep working",
          pattern=REDIRECT_PATTERN, pattern_hint=REDIRECT_HINT, advice=redirect_advice),
)

CATEGORY_FIELDS = (
    Field("title", "text", True, "the category's name, shown on its card and page"),
    Field("description", "text", True, "one sentence on what the category covers"),
    Field("icon", "text", True, "a Material icon name such as 'material/shield-lock'",
          pattern=r"(material|fontawesome/(solid|regular|brands)|octicons|simple)/[a-z0-9-]+",
          pattern_hint="an icon name such as 'material/shield-lock'"),
    Field("order", "integer", True, "where the category stands on the home page: 1 comes first"),
    Field("redirect_from", "text_list", False,
          "old addresses of this category's page, so bookmarks and search results keep working",
          pattern=REDIRECT_PATTERN, pattern_hint=REDIRECT_HINT, advice=redirect_advice),
)

SETTINGS_FIELDS = (
    Field("home", "mapping", True, "the home page's heading and introduction", fields=(
        Field("title", "text", True, "the home page's heading, such as 'How can we help?'"),
        Field("intro", "markdown", False, "a sentence under the heading"),
    )),
    Field("featured", "text_list", False, "ids of the most important entries, listed on the home page",
          pattern=ID_PATTERN, pattern_hint=ID_HINT),
    Field("contact", "mapping", True, "how customers reach support", fields=(
        Field("email", "text", True, "the support e-mail address", pattern=EMAIL_PATTERN,
              pattern_hint="an e-mail address such as support@example.com"),
        Field("hours", "text", False, "when support answers, such as 'Monday to Friday, 9:00-18:00 CET'"),
    )),
    Field("links", "link_map", False,
          "shared link targets by name; an answer links to one as [text](link:NAME)"),
    Field("languages", "text_list", False,
          "the site's languages as BCP 47 codes, the default language (the one of these files) first",
          pattern=LANGUAGE_PATTERN, pattern_hint=LANGUAGE_HINT, advice=language_advice),
)

# Translations hold what is read, never what is the same in every language (category, dates,
# owner, related entries, addresses): those come from the source file.
FINGERPRINT_PATTERN = r"[a-z2-7]{10}"
SOURCE_FIELD = Field(
    "source", "text", True,
    "the fingerprint of the source's translated fields this translation matches; written by "
    "'helpcenter new --locale' and refreshed by 'helpcenter translations --reviewed'",
    pattern=FINGERPRINT_PATTERN, pattern_hint="the fingerprint of 10 letters and digits that "
    "'helpcenter translations --reviewed FILE' writes",
)


def _translated(fields: tuple[Field, ...], *names: str) -> tuple[Field, ...]:
    return tuple(field for field in fields if field.name in names)


def _named(fields: tuple[Field, ...], name: str) -> Field:
    return next(field for field in fields if field.name == name)


ENTRY_TRANSLATION_FIELDS = (
    SOURCE_FIELD,
    Field("reviewed", "date", False,
          "the date this translation was last checked against its source, as YYYY-MM-DD; written by 'helpcenter "
          "translations --reviewed'; without it, the source's date stands for the translation too"),
    *_translated(ENTRY_FIELDS, "title", "summary", "answer", "steps"),
    Field("video", "mapping", False, "the video's title and description in this language",
          fields=_translated(VIDEO_FIELDS, "title", "description")),
    *_translated(ENTRY_FIELDS, "tags", "also_asked"),
    Field("redirect_from", "text_list", False,
          "old addresses of this translation, as written (the source's old addresses already lead to it, "
          "in the language's folder), such as the ones an import from another help center brings",
          pattern=REDIRECT_PATTERN, pattern_hint=REDIRECT_HINT, advice=redirect_advice),
)
CATEGORY_TRANSLATION_FIELDS = (SOURCE_FIELD, *_translated(CATEGORY_FIELDS, "title", "description"))

INTERFACE_TEXTS = {
    "search_label": "Search the help center",
    "search_placeholder": "Describe your problem, for example “lost my phone”",
    "most_asked": "Most asked questions",
    "steps": "Steps",
    "play_video": "Play video",
    "opens_on": "Opens the video on",
    "also_asked": "Also asked as",
    "topics": "Topics",
    "related": "Related questions",
    "still_need_help": "Still need help?",
    "contact_us": "Contact us",
    "breadcrumb": "Breadcrumb",
    "helpful": "Was this helpful?",
    "yes": "Yes",
    "no": "No",
    "thanks": "Thank you for letting us know!",
    "sorry": "Sorry this did not answer your question.",
    "write_to": "Write to",
    "support_will_help": "and our support team will help",
    "not_found_title": "Page not found",
    "not_found_text": "Sorry, there is no page at this address. It may have moved, or the link may have a typo.",
    "describe_problem": "Describe your problem",
    "search_button": "Search",
    "browse_topics": "Browse the topics",
    "go_back_to": "or go back to the",
    "home_page": "help center's home page",
    "not_translated": "This page is not translated into this language: its home page",
    "no_answer": "We have no answer to that yet.",
    "ask_directly": "Ask us directly",
    "closest_topics": "Closest topics",
}
"""The site's own words, in English: each key names one, and a settings translation gives its own."""

SETTINGS_TRANSLATION_FIELDS = (
    SOURCE_FIELD,
    Field("home", "mapping", True, "the home page's heading and introduction in this language",
          fields=_named(SETTINGS_FIELDS, "home").fields),
    Field("contact", "mapping", False, "the support hours in this language", fields=_translated(
        _named(SETTINGS_FIELDS, "contact").fields, "hours")),
    Field("interface", "mapping", False, "the site's own words in this language, by key", fields=tuple(
        Field(key, "text", False, f"“{text}”") for key, text in INTERFACE_TEXTS.items()
    )),
)
