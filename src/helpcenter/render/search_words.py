"""The words search compares: a text split into words, stop words left out, each word stemmed.

The site's search worker (`docs/assets/javascripts/helpcenter-search.js`) splits and stems what the
customer types the same way: the same word pattern and apostrophe rule, the stop words the index
hands it, and lunr's stemmer of the language (lunr's stemmers are generated from Snowball, as are
`snowballstemmer`'s; tests/render/test_search_stemmer_agreement.py checks they agree).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import snowballstemmer  # type: ignore[import-untyped]

from helpcenter.render.stop_words import STOP_WORDS_BY_LANGUAGE

# A word is a run of letters and digits; an apostrophe inside it ("can't", "what's") does not end it.
WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")

# lunr's English stop words, the list Material's search left out of its index.
ENGLISH_STOP_WORDS = frozenset({
    "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did",
    "do", "does", "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have",
    "he", "her", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
    "just", "least", "let", "like", "likely", "may", "me", "might", "most", "must", "my", "neither",
    "no", "nor", "not", "of", "off", "often", "on", "only", "or", "other", "our", "own", "rather",
    "said", "say", "says", "she", "should", "since", "so", "some", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "tis", "to", "too", "twas", "us", "wants", "was",
    "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "yet", "you", "your",
})

# Languages with a lunr-languages stemmer, by language code, and the Snowball algorithm it comes from.
# English is lunr's own Porter stemmer.
SNOWBALL_ALGORITHMS = {
    "en": "porter", "da": "danish", "de": "german", "es": "spanish", "fi": "finnish", "fr": "french",
    "hu": "hungarian", "it": "italian", "nl": "dutch", "no": "norwegian", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sv": "swedish", "tr": "turkish",
}
STOP_WORDS = {"en": ENGLISH_STOP_WORDS, **STOP_WORDS_BY_LANGUAGE}


def words(text: str) -> list[str]:
    """The words of `text`, lowercase: "what's" is "what", "can't" is "cant", one letter is no word."""
    lowered = text.lower()
    if "'" not in lowered and "\u2019" not in lowered:
        return [word for word in WORD.findall(lowered) if len(word) > 1]
    found = []
    for word in WORD.findall(lowered.replace("\u2019", "'")):
        if word.endswith("'s"):
            word = word[:-2]
        word = word.replace("'", "")
        if len(word) > 1:
            found.append(word)
    return found


def _lunr_english(stem: Callable[[str], str]) -> Callable[[str], str]:
    """lunr's Porter stemmer where it differs from Snowball's: it keeps words under three letters,
    and turns a final y into i after a consonant only ("sky" is "ski", "delay" stays)."""

    def lunr_stem(word: str) -> str:
        if len(word) < 3:
            return word
        stemmed = stem(word)
        if len(stemmed) > 2 and stemmed.endswith("y") and stemmed[-2] not in "aeiou":
            return stemmed[:-1] + "i"
        after_vowel = len(stemmed) > 1 and stemmed[-2] in "aeiou"
        if stemmed.endswith("i") and after_vowel and word.startswith(stemmed[:-1] + "y"):
            return stemmed[:-1] + "y"
        return stemmed

    return lunr_stem


@dataclass(frozen=True)
class Analyzer:
    """Splits and stems one language's text the way the search worker does."""

    language: str
    stop_words: frozenset[str]
    algorithm: str | None
    stem: Callable[[str], str]

    def terms(self, text: str) -> list[str]:
        return [self.stem(word) for word in words(text) if word not in self.stop_words]


def analyzer(language: str) -> Analyzer:
    """The analyzer of a language code such as "en" or "de": without a stemmer, words are kept whole."""
    algorithm = SNOWBALL_ALGORITHMS.get(language)
    stop_words = STOP_WORDS.get(language, frozenset())
    if algorithm is None:
        return Analyzer(language, stop_words, None, lambda word: word)
    stemmer = snowballstemmer.stemmer(algorithm)
    stem: Callable[[str], str] = stemmer.stemWord
    if language == "en":
        stem = _lunr_english(stem)
    # A help center uses the same words over and over: each is stemmed once.
    return Analyzer(language, stop_words, algorithm, functools.lru_cache(maxsize=200_000)(stem))
