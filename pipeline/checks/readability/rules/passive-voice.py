"""Passive voice in English: say who does what.

A form of "be" (or "get"), up to two adverbs, then a past participle: "is not fully
understood", "have been linked", "are noticed by patients". Participles used as adjectives
("is tired", "are worried") are left alone.

Fails: "Leg cramps are noticed by patients more often at the end of the day."
Passes: "Patients notice leg cramps more often at the end of the day."
"""

from __future__ import annotations

import re
from typing import Iterator

from ..prose import Document, Flag

SEVERITY = "warning"
WCAG = ()

_BE = r"(?:am|is|are|was|were|(?:is|are|was|were)n['’]t|be|been|being|get|gets|got|gotten|getting)"
_ADVERB = (
    r"(?:\w+ly|not|never|also|often|still|always|sometimes|usually|already|now|then|all|both|even|just"
    r"|being|been)"
)
IRREGULAR = frozenset(
    """arisen awoken beaten become begun bent bitten blown borne born bought bound broken brought built
    burnt caught chosen cut dealt done drawn driven drunk eaten fallen fed felt fought found forbidden
    forgotten forgiven frozen given ground grown hung heard held hidden hit hurt kept knelt known laid
    led left lent lost made meant met mistaken overcome overtaken paid proven put quit read ridden risen
    run said seen sold sent set sewn shaken shed shown shot shrunk shut slain slung sought sped spent
    split spoken spread stolen stuck stung struck sworn swept taken taught torn told thought
    thrown understood undertaken upset withdrawn woken worn won wound written""".split()
)
#: Words in -ed that are adjectives (or not verbs) after "be".
NOT_PASSIVE = frozenset(
    """aged bed bored concerned confused excited frightened hundred interested married naked need
    pleased red scared seed shed sacred speed supposed surprised swollen tired wicked worried""".split()
)
_PASSIVE = re.compile(rf"\b{_BE}(?:\s+{_ADVERB}){{0,2}}\s+(\w+)\b", re.IGNORECASE)


def passive_phrases(sentence: str) -> list[str]:
    """The passive phrases of an English sentence ("are believed", "is not fully understood")."""
    found = []
    for match in _PASSIVE.finditer(sentence):
        word = match.group(1).casefold()
        if word in NOT_PASSIVE or not (word.endswith("ed") and len(word) > 3 or word in IRREGULAR):
            continue
        found.append(match.group(0))
    return found


def check(document: Document) -> Iterator[Flag]:
    """Flag each English sentence written in the passive voice."""
    assert document.language is not None
    if document.language.code != "en":
        return
    for sentence in document.sentences:
        phrases = passive_phrases(sentence.text)
        if phrases:
            quoted = ", ".join(repr(p) for p in phrases)
            yield Flag(
                f"passive voice ({quoted}): say who does what",
                sentence.unit,
                sentence,
                phrase=phrases[0],
            )
