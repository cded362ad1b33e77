"""Quoted speech in any quote style, with its speaker where the text says who.

`وقال ترامب: "..."`, `وأضاف: «...»` (the speaker of the quote before), `“...”، قال المتحدث`.
A quote's value is its folded words; its key is its speaker's name as the text gives it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.facts.lexicon import keys
from reader.facts.model import QUOTE, Mention
from reader.facts.words import Words, lookup
from reader.text.normalize import fold_word
from reader.text.tokens import is_word

# Opening and closing marks: «» and the double quotes in every direction they are typed.
_QUOTE_RE = re.compile(r"«([^«»\n]+)»|[\"“”„‟″]([^\"“”„‟″\n]+)[\"“”„‟″]")
MIN_QUOTE_WORDS = 3  # shorter quoted words are terms or titles (“فولت”, "داعش"), not speech
MIN_SPOKEN_WORDS = 2  # ... unless a verb of speech introduces them (وصفها بأنها “لا تصدق”)
_SENTENCE_MARKS = frozenset(".!?؟")
_QUOTE_MARKS = frozenset('«»"“”„‟″')
SPEAKER_REACH = 14  # tokens back from a quote to the verb that introduces it
_SPEAKER_STOPS = frozenset(map(fold_word, "إن أن إنه أنه بأن على إلى الى قائلا في خلال".split()))


@lru_cache(maxsize=1)
def _speech() -> frozenset[str]:
    return keys()["speech"]


def find_quotes(words: Words) -> list[Mention]:
    mentions: list[Mention] = []
    previous_speaker, previous_paragraph = "", 0
    for match in _QUOTE_RE.finditer(words.text):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        first, last = words.index_at(start), words.index_at(end - 1)
        if last >= len(words.tokens):
            continue
        inside = [k for k in range(first, last + 1) if is_word(words.tokens[k].text)]
        speaker, introduced = _speaker_before(words, words.index_at(match.start()))
        if not introduced:
            speaker, introduced = _speaker_after(words, words.index_at(match.end()))
        if len(inside) < (MIN_SPOKEN_WORDS if introduced else MIN_QUOTE_WORDS):
            continue
        paragraph = words.paragraph(start)
        if not speaker and (introduced or paragraph == previous_paragraph):
            speaker = previous_speaker  # `وأضاف: "..."`: the one who spoke before
        if speaker:
            previous_speaker, previous_paragraph = speaker, paragraph
        text = words.text[start:end]
        value = tuple(words.keys[k] for k in inside)
        mentions.append(
            Mention(QUOTE, start, end, text, paragraph, key=speaker, value=value, speaker=speaker)
        )
    return mentions


def _speaker_before(words: Words, mark: int) -> tuple[str, bool]:
    """(speaker, whether a verb of speech introduces the quote) looking back from its opening mark,
    within its sentence and not past an earlier quote."""
    j = mark - 1
    while j >= max(0, mark - SPEAKER_REACH):
        text = words.tokens[j].text
        if text in _SENTENCE_MARKS or text in _QUOTE_MARKS or words.breaks_sentence(j):
            break
        if lookup(words.keys[j], _speech()) is not None:
            return _subject(words, j + 1, mark - 1), True
        j -= 1
    return "", False


def _speaker_after(words: Words, k: int) -> tuple[str, bool]:
    """`"..."، قال المتحدث باسم الوزارة`: a verb of speech right after the quote."""
    j = k
    while j < len(words.tokens) and j < k + 3 and not is_word(words.tokens[j].text):
        j += 1
    if j < len(words.tokens) and lookup(words.keys[j], _speech()) is not None:
        end = j + 1
        while end < len(words.tokens) and end < j + 8 and is_word(words.tokens[end].text):
            end += 1
        return _subject(words, j + 1, end), True
    return "", False


def _subject(words: Words, first: int, stop: int) -> str:
    """The words between a verb of speech and the quote (or a particle): who speaks."""
    chosen: list[str] = []
    for j in range(first, min(stop + 1, len(words.tokens))):
        token = words.tokens[j].text
        if not is_word(token) or words.keys[j] in _SPEAKER_STOPS:
            break
        chosen.append(token)
    return " ".join(chosen)
