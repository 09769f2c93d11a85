"""Vietnamese text: NFC normalisation, search folding and alphabetical sort keys."""

import functools
import unicodedata

# Vietnamese alphabet order; f, j, w, z (foreign words) take their Latin places.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Tone marks are a secondary key, in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a letter of its own (ă, â, ê, ô, ơ, ư) rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


def nfc(value: str) -> str:
    """NFC form with surrounding blanks removed: how every stored string looks."""
    return unicodedata.normalize("NFC", value).strip()


def fold(value: str) -> str:
    """Search form: lower case, no diacritics, đ→d, single spaces ("Hoà" → "hoa")."""
    decomposed = unicodedata.normalize("NFD", value.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.replace("đ", "d").split())


def _split_letter(char: str) -> tuple[str, int]:
    """A letter without its tone, and the tone's rank (0 when it has none)."""
    parts = unicodedata.normalize("NFD", char)
    tone = next((_TONES[m] for m in parts[1:] if m in _TONES), 0)
    base = parts[0] + "".join(m for m in parts[1:] if m in _LETTER_MARKS)
    return unicodedata.normalize("NFC", base), tone


def _code(index: int) -> str:
    # Two lower-case letters per symbol: the key sorts the same under every collation.
    return "abcdefghijklmnopqrstuvwxyz"[index // 26] + "abcdefghijklmnopqrstuvwxyz"[index % 26]


def _symbol_index(base: str) -> int:
    if base in _ALPHABET:
        return 40 + _ALPHABET.index(base)
    if base.isdigit():
        return 20 + int(base)
    return 90 + (ord(base) % 500)  # anything else after the letters, grouped by code point


@functools.lru_cache(maxsize=65536)
def _word_key(word: str) -> tuple[str, str]:
    # Names repeat a few thousand words, so bulk imports hit this cache almost always.
    letters = [_split_letter(char) for char in word]
    primary = "".join(_code(_symbol_index(base)) for base, _ in letters)
    return primary + "aa", "abcdef"[max(tone for _, tone in letters)]


def sort_key(value: str) -> str:
    """Key for Vietnamese alphabetical order: letters first, then tones, word by word.

    A syllable carries one tone, wherever it is written ("hoà" and "hòa"), so the
    secondary key holds one tone per word. A word boundary ("aa") sorts before any letter,
    so "An" comes before "Anh".
    """
    keys = [_word_key(word) for word in nfc(value).casefold().split()]
    return "".join(p for p, _ in keys) + "a" + "".join(t for _, t in keys)


def person_sort_key(full_name: str) -> str:
    """People are ordered by given name (last word), then family and middle names."""
    words = nfc(full_name).split()
    return sort_key(" ".join(words[-1:] + words[:-1]))
