"""A project whose Arabic and Hebrew pages hold every kind of run read left to right, as translators type them."""

from __future__ import annotations

from pathlib import Path

from .conftest import translate_everything, write_project

ARTICLE = """\
---
title: Help by phone
description: Call 816-396-0245 or write to help@example.org.
date: 2024-03-01
---
# Help by phone

This line is plain.

Call 816-396-0245 or 1-800-222-1222 today.

Abroad, call +1 913 555 0100 or [816-396-0245](tel:+18163960245).

Write to help@example.org or [our desk](mailto:desk@example.org).

Read https://health.example.org/help or visit example.org for more.

The code is ICD-10 G25.81, the article 10.1258/phleb.2007.007051, the book ISBN 978-3-16-148410-0.

Take 1–2 tablets.

- Call 816 396 0245 at night.
- Or call 0800 123 4567.
- Ask your nurse.

## When to call

Or call 816-396-0245.

> Keep this number.

| Day | Number |
|-----|--------|
| Weekdays | Call now |
"""

#: Left untranslated in both locales: fallbacks in a paragraph, list item, heading, quote and table cell.
UNTRANSLATED = {"Or call 816-396-0245.", "Ask your nurse.", "When to call", "Keep this number.", "Weekdays"}

#: What an Arabic and a Hebrew translator wrote.
TRANSLATIONS = {
    "ar": {
        "Help by phone": "المساعدة عبر الهاتف",
        "Call 816-396-0245 or write to help@example.org.": "اتصل على 816-396-0245 أو اكتب إلى help@example.org.",
        "This line is plain.": "هذا السطر \u202eعادي",  # an override the translator never closed
        "Call 816-396-0245 or 1-800-222-1222 today.": "اتصل على 816-396-0245 أو 1-800-222-1222 اليوم.",
        "Abroad, call +1 913 555 0100 or [816-396-0245](tel:+18163960245).":
            "من الخارج اتصل على +1 913 555 0100 أو [816-396-0245](tel:+18163960245).",
        "Write to help@example.org or [our desk](mailto:desk@example.org).":
            "اكتب إلى help@example.org أو [مكتبنا](mailto:desk@example.org).",
        "Read https://health.example.org/help or visit example.org for more.":
            "اقرأ https://health.example.org/help أو زر example.org للمزيد.",
        "The code is ICD-10 G25.81, the article 10.1258/phleb.2007.007051, the book ISBN 978-3-16-148410-0.":
            "الرمز ICD-10 G25.81 والمقال 10.1258/phleb.2007.007051 والكتاب ISBN 978-3-16-148410-0.",
        "Take 1–2 tablets.": "تناول 1–2 قرص.",
        "Call 816 396 0245 at night.": "اتصل على 816 396 0245 ليلا.",
        "Or call 0800 123 4567.": "أو اتصل على 0800 123 4567.",
        "Published": "\u202eنشر في",  # an override in a template string, before the date
    },
    "he": {
        "Help by phone": "עזרה בטלפון",
        "Call 816-396-0245 or write to help@example.org.": "התקשרו 816-396-0245 או כתבו אל help@example.org.",
        "This line is plain.": "שורה \u202eרגילה",
        "Call 816-396-0245 or 1-800-222-1222 today.": "התקשרו 816-396-0245 או 1-800-222-1222 היום.",
        "Abroad, call +1 913 555 0100 or [816-396-0245](tel:+18163960245).":
            "מחו״ל התקשרו +1 913 555 0100 או [816-396-0245](tel:+18163960245).",
        "Write to help@example.org or [our desk](mailto:desk@example.org).":
            "כתבו אל help@example.org או [למוקד](mailto:desk@example.org).",
        "Read https://health.example.org/help or visit example.org for more.":
            "קראו https://health.example.org/help או בקרו ב־example.org לעוד.",
        "The code is ICD-10 G25.81, the article 10.1258/phleb.2007.007051, the book ISBN 978-3-16-148410-0.":
            "הקוד ICD-10 G25.81 המאמר 10.1258/phleb.2007.007051 הספר ISBN 978-3-16-148410-0.",
        "Take 1–2 tablets.": "קחו 1–2 כדורים.",
        "Call 816 396 0245 at night.": "התקשרו 816 396 0245 בלילה.",
        "Or call 0800 123 4567.": "או התקשרו 0800 123 4567.",
        "Published": "\u202eפורסם",
    },
}

#: The runs read left to right as a whole that the pages show (the fallback's phone number too).
RUNS = [
    "816-396-0245", "1-800-222-1222", "+1 913 555 0100", "help@example.org", "https://health.example.org/help",
    "example.org", "ICD-10 G25.81", "10.1258/phleb.2007.007051", "ISBN 978-3-16-148410-0", "816 396 0245",
    "0800 123 4567", "2024",
]


def bidi_project(root: Path) -> Path:
    """The project, translated into Arabic and Hebrew (one unit left as a fallback), not yet built."""
    write_project(root, {"help.md": ARTICLE}, locales='["ar", "he"]')
    for locale, translations in TRANSLATIONS.items():
        translate_everything(root, locale, lambda text, t=translations: t.get(text, "" if text in UNTRANSLATED
                                                                                else _filler(locale, text)))
    return root


def _filler(locale: str, text: str) -> str:
    """Any other message (template strings): words of the language, placeholders kept."""
    word = {"ar": "نص", "he": "טקסט"}[locale]
    return " ".join([word, *(part for part in text.split() if part.startswith("%("))])
