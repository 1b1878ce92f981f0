"""LocalizedArticle -> HTML, through the Jinja2 templates shipped in `pipeline/templates/`.

Translations are untrusted: their Markdown is parsed with raw HTML off, link targets
outside SAFE_SCHEMES are removed (and reported), and templates autoescape. A unit shown
in the source language carries `lang` (and `dir` when it differs) so that screen
readers pronounce it right (WCAG 3.1.2).
"""

from __future__ import annotations

import functools
import gettext
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, TypedDict

import jinja2
from babel import Locale
from markupsafe import Markup, escape
from markdown_it.token import Token

from .bidi import has_controls, isolate_controls, isolate_runs, isolated_html, isolated_text
from .layout import STYLESHEET as STYLESHEET_FILE
from .layout import UNIT_ATTRIBUTE, Links, page_file
from .locales import LocaleInfo, format_date_for, parse_locale
from .linked import relink
from .markdown import (NOTE_LABELS, SAFE_SCHEMES, UnitSlot, inline_tokens, link_scheme, parse_document_to_change, parser,
                       unit_slots)
from .notes import PageNotes
from .sanitize import clean_html, inline_html, tag_names
from .model import Finding, LocalizedArticle, LocalizedUnit, Location
from .theme import SHIPPED, SHIPPED_PREFIX, SHIPPED_TEMPLATES, Theme
from .template_code import SharedCode
from .template_strings import formattable



@dataclass(frozen=True)
class SiteEditions:
    """What the pages link to: the locales built and which of them have each article."""

    source_locale: str
    locales: tuple[str, ...]  # every built locale, the source first
    editions: dict[str, tuple[str, ...]]  # slug -> the locales that have the article
    base_url: str = ""
    directory_urls: bool = False

    @property
    def links(self) -> Links:
        """How the site's pages link to each other and are addressed from outside."""
        return Links(self.base_url, self.directory_urls)


_UNIT_MARK = re.compile(rf' {UNIT_ATTRIBUTE}="\d+"')


class IndexEntry(TypedDict):
    """An article's entry on its locale's index page (typed, so a cached or shard's copy is checked when read)."""

    url: str
    title: str
    description: str
    title_lang: dict[str, str] | None  # lang (and dir) of text shown in another language
    description_lang: dict[str, str] | None


@dataclass
class RenderedPage:
    """A page's HTML, where each of its parts comes from, and what rendering found wrong."""

    path: str  # inside the bundle: `es/slug/index.html` (see layout.py)
    html: str  # with `data-unit` marks: see `publishable`
    locale: str = ""  # the page's language (the language chooser's is the source locale)
    article: str | None = None  # the article's slug; None for the pages that list articles
    findings: list[Finding] = field(default_factory=list)
    template: str = ""  # the page's own template, as findings show it
    base_template: str = "pipeline/templates/base.html"  # the template of everything outside <main>
    origins: dict[int, Location] = field(default_factory=dict)  # data-unit -> where the unit is edited
    fallbacks: list[tuple[str, Location]] = field(default_factory=list)  # fallback units' HTML

    @property
    def publishable(self) -> str:
        """The HTML as it is written to the bundle: without the unit marks."""
        return _UNIT_MARK.sub("", self.html)


NO_TRANSLATIONS = gettext.NullTranslations()
#: The templates' code, compiled once for every locale's environment (they are made with the same options).
_TEMPLATE_CODE = SharedCode()


@functools.lru_cache(maxsize=64)
def _environment(ui: gettext.NullTranslations, templates: tuple[Path, ...]) -> jinja2.Environment:
    """The templates with one locale's strings installed, compiled once per process."""
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([
            jinja2.FileSystemLoader(templates),  # a publisher's own folder first
            jinja2.PrefixLoader({SHIPPED_PREFIX.rstrip("/"): jinja2.FileSystemLoader(SHIPPED_TEMPLATES)}),
        ]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=_TEMPLATE_CODE,
    )
    # Jinja2 marks a translation as safe markup when autoescaping: translators are not
    # trusted with markup, so their text is escaped first (`%(name)s` values are escaped too),
    # and bidi controls they typed are closed inside the string.
    # It also formats every translation with `%`: each is made safe for it first.
    env.install_gettext_callables(
        gettext=lambda message: escape(isolated_text(formattable(ui.gettext(message), message))),
        ngettext=lambda singular, plural, n: escape(isolated_text(
            formattable(ui.ngettext(singular, plural, n), singular if n == 1 else plural, (singular, plural)))),
        newstyle=True,
    )
    env.filters["bidi_text"] = isolated_text
    env.filters["bidi_html"] = jinja2.pass_context(
        lambda context, text: Markup(isolated_html(text, context["locale"].direction == "rtl")))
    return env


class Renderer:
    """Renders the pages of one locale, with the template strings of that locale's `ui` catalog."""

    def __init__(self, locale: str, site: SiteEditions, ui: gettext.NullTranslations | None = None, theme: Theme = SHIPPED):
        self.locale: LocaleInfo = parse_locale(locale)
        self.site = site
        self.source: LocaleInfo = parse_locale(site.source_locale)
        self.theme = theme
        self.env = _environment(ui or NO_TRANSLATIONS, theme.templates)

    def _page(self, path: str, html: str, template: str, **parts: Any) -> RenderedPage:
        """A rendered page, with the templates that wrote it as findings show them."""
        return RenderedPage(path, html, self.locale.code, template=self.theme.shown(template),
                            base_template=self.theme.shown("base.html"), **parts)

    def article_page(self, localized: LocalizedArticle, files: Mapping[str, str] | None = None) -> RenderedPage:
        """The page of one article in this renderer's locale (`files`: local link targets -> their bundle copies)."""
        article = localized.article
        path = page_file(self.locale.code, article.slug)
        heading, body, findings, fallbacks = self.render_body(localized, files or {})
        page = self.env.get_template("article.html").render(
            **self._common(path),
            title=localized.text_of("title"),
            description=localized.text_of("description") if article.description else "",
            title_lang=self._foreign(localized.units[0].lang),
            date=article.date,
            date_text=format_date_for(article.date, self.locale.code) if article.date else "",
            heading=heading,
            body=body,
            front_matter={u.unit.key: u.text for u in localized.units if u.unit.kind == "front-matter"},
            has_fallbacks=bool(fallbacks) or not localized.units[0].translated,
            source_name=self._source_name(),
            alternates=self._alternates(article.slug),
            switcher=self._switcher(path, article.slug),
        )
        origins = {i: unit.origin for i, unit in enumerate(localized.units)}
        return self._page(path, page, "article.html", article=article.slug, findings=findings, origins=origins,
                          fallbacks=fallbacks)

    def index_entry(self, localized: LocalizedArticle) -> IndexEntry:
        """An article's entry on its locale's index page."""
        description = next((u for u in localized.units if u.unit.kind == "description"), None)
        return {
            "url": self.site.links.href(page_file(self.locale.code), page_file(self.locale.code, localized.article.slug)),
            "title": localized.text_of("title"),
            "description": description.text if description is not None else "",
            "title_lang": self._foreign(localized.units[0].lang),
            "description_lang": self._foreign(description.lang) if description is not None else None,
        }

    def locale_index(self, entries: list[IndexEntry]) -> RenderedPage:
        """The page listing this locale's articles (entries from `index_entry`), by title."""
        path = page_file(self.locale.code)
        entries = sorted(entries, key=lambda e: (e["title"].casefold(), e["url"]))
        page = self.env.get_template("index.html").render(
            **self._common(path), entries=entries, alternates=self._alternates(None), switcher=self._switcher(path, None)
        )
        return self._page(path, page, "index.html")

    def language_chooser(self) -> RenderedPage:
        """The bundle's root page: a list of languages, each named in itself."""
        page = self.env.get_template("languages.html").render(
            **self._common(page_file()), languages=self._switcher(page_file(), None), switcher=[], alternates=[]
        )
        return self._page(page_file(), page, "languages.html")

    def render_body(
        self, localized: LocalizedArticle, files: Mapping[str, str] | None = None
    ) -> tuple[str | None, str, list[Finding], list[tuple[str, Location]]]:
        """The article body as HTML with every unit in its localized text and marked with its index.

        A body that opens with a level-1 heading gives the page its h1: that heading comes
        back separately, so the template can put notes below it. Also returned: what
        rendering found, and the HTML of each unit shown in the source language.
        """
        tokens, env = parse_document_to_change(localized.article.body)
        first = len(localized.units) - len(localized.article.body_units)
        body_units = localized.units[first:]
        md = parser()
        notes = PageNotes(tokens, env)
        fallbacks = []
        findings: list[Finding] = []
        positions = {id(token): position for position, token in enumerate(tokens)}
        for index, (slot, unit) in enumerate(zip(unit_slots(tokens, env), body_units, strict=True), start=first):
            if slot.kind == "image-title":
                slot.image.attrSet("title", unit.text)  # type: ignore[union-attr]
                continue
            source_tags = tag_names(slot.inline.children or [])
            translated = unit.text != slot.text  # the source's own text is already parsed in the body's tokens
            if translated:
                # Parsed once per text and shared (the catalog checks parsed it too): rendering only reads it.
                children = list(inline_tokens(unit.text))
                if slot.image is not None:
                    slot.image.children, slot.image.content = children, unit.text
                else:
                    slot.inline.children = children
            if slot.image is None:
                children = notes.link(slot.inline.children or [], cite=slot.kind != "reference")
                slot.inline.children = inline_html(children, source_tags, translated)
            findings += self._drop_unsafe_links(slot.inline, unit, localized.article.slug)
            if slot.image is None:
                self._isolate(slot.inline, unit)
            if unit.lang != self.locale.code:
                self._mark_language(_passage_element(slot, tokens, positions[id(slot.inline)]), slot.inline, unit)
            if slot.holder is not None and slot.holder.attrGet(UNIT_ATTRIBUTE) is None:
                slot.holder.attrSet(UNIT_ATTRIBUTE, str(index))
            if not unit.translated:
                shown = unit.text if slot.image else md.renderer.renderInline(slot.inline.children or [], md.options, {})
                fallbacks.append((shown, unit.origin))
        tokens = notes.prune(self._html_blocks(tokens, localized, fallbacks))
        page = page_file(self.locale.code, localized.article.slug)
        for token in tokens:
            if token.children and files:
                token.children = relink(token.children, files, lambda copy: self.site.links.href(page, copy))
        heading = None
        words = self.env.get_template("notes.html").module  # escaped, in this locale
        labels = {NOTE_LABELS: {"heading": str(words.heading), "back": str(words.back)}}  # type: ignore[attr-defined]
        if tokens and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
            heading, tokens = md.renderer.render(tokens[:3], md.options, labels), tokens[3:]
        return heading, md.renderer.render(tokens, md.options, labels), findings, fallbacks

    def _html_blocks(
        self, tokens: list[Token], localized: LocalizedArticle, fallbacks: list[tuple[str, Location]]
    ) -> list[Token]:
        """The body with its HTML blocks sanitized (comments gone), each marked with the source's language
        on other pages: their text is not translated."""
        kept = []
        for token in tokens:
            if token.type == "html_block":
                cleaned = clean_html(token.content).strip()
                if not cleaned:
                    continue
                foreign = self._foreign(localized.article.lang)
                attrs = "".join(f' {name}="{value}"' for name, value in (foreign or {}).items())
                token.content = f'<div class="html-block"{attrs}>{cleaned}</div>\n'
                if foreign:
                    line = localized.article.body_line + (token.map or [0])[0]
                    fallbacks.append((cleaned, Location(localized.article.path, line)))
            kept.append(token)
        return kept

    def _isolate(self, inline: Token, unit: LocalizedUnit) -> None:
        """In right-to-left text, isolate the runs read left to right; close bidi controls inside the unit."""
        if self.locale.direction == "rtl" or parse_locale(unit.lang).direction == "rtl":
            inline.children = isolate_runs(inline.children or [])
        if has_controls(unit.text):
            inline.children = isolate_controls(inline.children or [])

    def _mark_language(self, element: Token | None, inline: Token, unit: LocalizedUnit) -> None:
        """Give a passage in another language its lang (and dir), on its element or a span.

        On its element, `dir` also aligns the passage to the start of its own language, a
        paragraph, heading, cell and list item alike (`style.css` keeps a list item's marker
        inside its list); a span is a block of its own for the same alignment (`.untranslated`).
        """
        language = parse_locale(unit.lang)
        attrs = {"lang": language.code}
        if language.direction != self.locale.direction:
            attrs["dir"] = language.direction
        if not unit.translated:
            attrs["class"] = "untranslated"
        if element is not None:
            for name, value in attrs.items():
                element.attrSet(name, value)
            return
        opening = " ".join(f'{name}="{html.escape(value)}"' for name, value in attrs.items())
        inline.children = [
            Token("html_inline", "", 0, content=f"<span {opening}>"),
            *(inline.children or []),
            Token("html_inline", "", 0, content="</span>"),
        ]

    def _drop_unsafe_links(self, inline: Token, unit: LocalizedUnit, slug: str) -> list[Finding]:
        """Remove link and image targets outside SAFE_SCHEMES; a link's text stays as text."""
        findings: list[Finding] = []
        kept: list[Token] = []
        dropping_link = False
        for child in inline.children or []:
            if dropping_link and child.type == "link_close":
                dropping_link = False  # CommonMark links do not nest: this closes the dropped one
                continue
            target = child.attrGet("href" if child.type == "link_open" else "src")
            scheme = link_scheme(str(target)) if child.type in ("link_open", "image") and target else None
            if scheme is not None and scheme not in SAFE_SCHEMES:
                findings.append(
                    Finding(
                        rule="unsafe-link",
                        severity="error",
                        message=f"link target {str(target)[:60]!r} uses the {scheme}: scheme and was removed; "
                        f"only {', '.join(sorted(SAFE_SCHEMES))} links are kept",
                        file=unit.origin.file,
                        line=unit.origin.line,
                        locale=self.locale.code,
                        article=slug,
                        check="build",
                    )
                )
                dropping_link = child.type == "link_open"
                continue
            kept.append(child)
        inline.children = kept
        return findings

    def _foreign(self, lang: str) -> dict[str, str] | None:
        """`lang` (and `dir` when it differs) for text in another language than the page's."""
        if lang == self.locale.code:
            return None
        info = parse_locale(lang)
        return {"lang": info.code, **({"dir": info.direction} if info.direction != self.locale.direction else {})}

    def _source_name(self) -> str:
        """The source language's name in this page's language: "anglais" on a French page."""
        base = self.locale.code.split("-")[0] if self.locale.pseudo else self.locale.code
        return Locale.parse(self.source.code, sep="-").get_display_name(Locale.parse(base, sep="-")) or self.source.name

    def _common(self, path: str) -> dict:
        """What every template needs: the locale, the links to the locale's index and the stylesheet."""
        links = self.site.links
        return {
            "locale": self.locale,
            "source": self.source,
            "home": links.href(path, page_file(self.locale.code)),
            "stylesheet": links.href(path, STYLESHEET_FILE),
        }

    def _alternates(self, slug: str | None) -> list[dict]:
        """`<link rel=alternate hreflang>` targets: every edition of the page, then x-default.

        Alternates must be absolute URLs: without `base_url` there are none (the build says so once).
        """
        if not self.site.base_url:
            return []
        codes = self.site.editions.get(slug, ()) if slug else self.site.locales
        url = self.site.links.url
        links = [{"hreflang": c, "href": url(page_file(c, slug))} for c in codes]
        if links:
            links.append({"hreflang": "x-default", "href": url(page_file(self.site.source_locale, slug))})
        return links

    def _switcher(self, path: str, slug: str | None) -> list[dict]:
        """The language switcher: each edition named in its own language, the current one marked."""
        codes = self.site.editions.get(slug, ()) if slug else self.site.locales
        entries = []
        for code in codes:
            info = parse_locale(code)
            entries.append(
                {
                    "code": code,
                    "name": info.name,
                    "dir": info.direction,
                    "href": self.site.links.href(path, page_file(code, slug)),
                    "current": code == self.locale.code,
                }
            )
        return entries


def _passage_element(slot: UnitSlot, tokens: list[Token], position: int) -> Token | None:
    """The element that holds a unit and nothing else: its own, or a tight list item's; None if there is none."""
    if slot.element is not None:
        return slot.element
    closing = tokens[position + 1: position + 3]
    if slot.container is not None and [t.type for t in closing] == ["paragraph_close", "list_item_close"]:
        return slot.container
    return None
