"""WAI-ARIA as data: every role and every state or property, transcribed from the specifications.

Sources: WAI-ARIA 1.2 (roles, their superclasses, supported, required and prohibited states
and properties, required context roles and owned elements, presentational children,
implicit values), with the ARIA 1.3 additions the W3C ACT rules already test
(`aria-braillelabel`, `aria-brailleroledescription`, `aria-description`, `aria-colindextext`,
`aria-rowindextext`); Digital Publishing WAI-ARIA 1.1 and the Graphics module. A role lists
only its own states and properties: those of its superclasses are inherited (see `aria.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Role:
    """One WAI-ARIA role as the specification defines it."""

    name: str
    superclasses: tuple[str, ...]
    supported: frozenset[str] = frozenset()  # own supported states and properties, required ones included
    required: frozenset[str] = frozenset()
    prohibited: frozenset[str] = frozenset()
    context: tuple[str, ...] = ()  # required context roles
    owned: tuple[str, ...] = ()  # required owned elements; "group>menuitem" owns a group that owns menuitems
    abstract: bool = False
    presentational_children: bool = False
    name_from: frozenset[str] = frozenset({"author"})  # "author", "contents", "prohibited"
    name_required: bool = False
    implicit: dict[str, str] = field(default_factory=dict)  # implicit values of states and properties


ROLES: dict[str, Role] = {}

_NAME_PROHIBITED = frozenset({"aria-label", "aria-labelledby", "aria-braillelabel"})
_ROLEDESCRIPTION_PROHIBITED = _NAME_PROHIBITED | {"aria-roledescription", "aria-brailleroledescription"}


def _role(name: str, superclasses: str, supported: str = "", required: str = "", *, context: str = "",
          owned: str = "", abstract: bool = False, children: bool = False, name_from: str = "author",
          name_required: bool = False, prohibited: frozenset[str] = frozenset(), **implicit: str) -> None:
    """Add a role; the states and properties it requires are supported too."""
    ROLES[name] = Role(
        name, tuple(superclasses.split()), frozenset(supported.split()) | frozenset(required.split()),
        frozenset(required.split()), prohibited, tuple(context.split()), tuple(owned.split()), abstract, children,
        frozenset(name_from.split()), name_required,
        {f"aria-{key.replace('_', '')}": value for key, value in implicit.items()},
    )


# --- abstract roles ---------------------------------------------------------------------------------------
_role("roletype", "", abstract=True)
_role("structure", "roletype", abstract=True)
_role("widget", "roletype", abstract=True)
_role("window", "roletype", abstract=True)
_role("command", "widget", abstract=True, name_from="author")
_role("composite", "widget", "aria-activedescendant aria-disabled", abstract=True)
_role("input", "widget", "aria-disabled", abstract=True)
_role("section", "structure", abstract=True)
_role("sectionhead", "structure", abstract=True, name_from="author contents")
_role("landmark", "section", abstract=True)
_role("range", "structure", "aria-valuemax aria-valuemin aria-valuenow aria-valuetext", abstract=True)
_role("select", "composite group", "aria-orientation", abstract=True)

# --- document structure -----------------------------------------------------------------------------------
_role("application", "structure", "aria-activedescendant aria-disabled aria-errormessage aria-expanded "
      "aria-haspopup aria-invalid", name_required=True)
_role("article", "document", "aria-posinset aria-setsize")
_role("blockquote", "section")
_role("caption", "section", context="figure grid table treegrid", name_from="prohibited",
      prohibited=_NAME_PROHIBITED)
_role("cell", "section", "aria-colindex aria-colindextext aria-colspan aria-rowindex aria-rowindextext "
      "aria-rowspan", context="row", name_from="author contents")
_role("code", "section", name_from="prohibited", prohibited=_NAME_PROHIBITED)
_role("columnheader", "cell gridcell sectionhead", "aria-sort", context="row", name_from="author contents",
      name_required=True)
_role("comment", "article", "aria-level", name_from="author contents")
_role("definition", "section")
_role("deletion", "section", name_from="prohibited", prohibited=_NAME_PROHIBITED)
_role("directory", "list")
_role("document", "structure")
_role("emphasis", "section", name_from="prohibited", prohibited=_NAME_PROHIBITED)
_role("feed", "list", owned="article")
_role("figure", "section")
_role("generic", "structure", name_from="prohibited", prohibited=_ROLEDESCRIPTION_PROHIBITED)
_role("group", "section", "aria-activedescendant aria-disabled")
_role("heading", "sectionhead", "aria-level", "aria-level", name_from="author contents", name_required=True)
_role("image", "img")
_role("img", "section", children=True, name_required=True)
_role("insertion", "section", name_from="prohibited", prohibited=_NAME_PROHIBITED)
_role("list", "section", owned="listitem")
_role("listitem", "section", "aria-level aria-posinset aria-setsize", context="directory list")
_role("mark", "section", name_from="prohibited", prohibited=_NAME_PROHIBITED)
_role("math", "section")
_role("meter", "range", "", "aria-valuenow", children=True, name_required=True, valuemin="0", valuemax="100")
_role("none", "structure", name_from="prohibited", prohibited=_ROLEDESCRIPTION_PROHIBITED)
_role("note", "section")
_role("paragraph", "section", name_from="prohibited", prohibited=_NAME_PROHIBITED)
_role("presentation", "structure", name_from="prohibited", prohibited=_ROLEDESCRIPTION_PROHIBITED)
_role("row", "group widget", "aria-colindex aria-expanded aria-level aria-posinset aria-rowindex "
      "aria-rowindextext aria-selected aria-setsize", context="grid rowgroup table treegrid",
      owned="cell columnheader gridcell rowheader", name_from="author contents")
_role("rowgroup", "structure", context="grid table treegrid", owned="row", name_from="author contents")
_role("rowheader", "cell gridcell sectionhead", "aria-expanded aria-sort", context="row",
      name_from="author contents", name_required=True)
_role("separator", "structure", "aria-orientation aria-valuemax aria-valuemin aria-valuenow aria-valuetext",
      children=True, orientation="horizontal", valuemin="0", valuemax="100")
_role("strong", "section", name_from="prohibited", prohibited=_NAME_PROHIBITED)
_role("subscript", "section", name_from="prohibited", prohibited=_NAME_PROHIBITED)
_role("suggestion", "section", name_from="prohibited", prohibited=_NAME_PROHIBITED)
_role("superscript", "section", name_from="prohibited", prohibited=_NAME_PROHIBITED)
_role("table", "section", "aria-colcount aria-rowcount", owned="row rowgroup>row", name_required=True)
_role("term", "section")
_role("time", "section")
_role("toolbar", "group", "aria-orientation", orientation="horizontal")
_role("tooltip", "section", name_from="author contents", name_required=True)

# --- widgets ------------------------------------------------------------------------------------------------
_role("button", "command", "aria-disabled aria-expanded aria-haspopup aria-pressed", children=True,
      name_from="author contents", name_required=True)
_role("checkbox", "input", "aria-errormessage aria-expanded aria-invalid aria-readonly aria-required",
      "aria-checked", children=True, name_from="author contents", name_required=True)
_role("combobox", "input", "aria-activedescendant aria-autocomplete aria-errormessage aria-haspopup "
      "aria-invalid aria-readonly aria-required aria-controls", "aria-expanded", name_required=True,
      haspopup="listbox")
_role("grid", "composite table", "aria-multiselectable aria-readonly", owned="row rowgroup>row",
      name_required=True)
_role("gridcell", "cell widget", "aria-disabled aria-errormessage aria-expanded aria-haspopup aria-invalid "
      "aria-readonly aria-required aria-selected", context="row", name_from="author contents")
_role("link", "command", "aria-disabled aria-expanded aria-haspopup", name_from="author contents",
      name_required=True)
_role("listbox", "select", "aria-errormessage aria-expanded aria-invalid aria-multiselectable aria-readonly "
      "aria-required", owned="group>option option", name_required=True, orientation="vertical")
_role("menu", "select", owned="group>menuitem group>menuitemradio group>menuitemcheckbox menuitem "
      "menuitemcheckbox menuitemradio", orientation="vertical")
_role("menubar", "menu", owned="group>menuitem group>menuitemradio group>menuitemcheckbox menuitem "
      "menuitemcheckbox menuitemradio", orientation="horizontal")
_role("menuitem", "command", "aria-disabled aria-expanded aria-haspopup aria-posinset aria-setsize",
      context="group menu menubar", name_from="author contents", name_required=True)
_role("menuitemcheckbox", "checkbox menuitem", "", "aria-checked", context="group menu menubar",
      children=True, name_from="author contents", name_required=True)
_role("menuitemradio", "menuitemcheckbox radio", "", "aria-checked", context="group menu menubar",
      children=True, name_from="author contents", name_required=True)
_role("option", "input", "aria-checked aria-posinset aria-setsize", "aria-selected", context="group listbox",
      children=True, name_from="author contents", name_required=True, selected="false")
_role("progressbar", "range widget", children=True, name_required=True, valuemin="0", valuemax="100")
_role("radio", "input", "aria-posinset aria-setsize", "aria-checked", children=True,
      name_from="author contents", name_required=True)
_role("radiogroup", "select", "aria-errormessage aria-invalid aria-readonly aria-required", owned="radio")
_role("scrollbar", "range widget", "aria-orientation", "aria-controls aria-valuenow", children=True,
      orientation="vertical", valuemin="0", valuemax="100")
_role("searchbox", "textbox", name_required=True)
_role("slider", "input range", "aria-errormessage aria-haspopup aria-invalid aria-orientation aria-readonly",
      "aria-valuenow", children=True, name_required=True, orientation="horizontal", valuemin="0", valuemax="100")
_role("spinbutton", "composite input range", "aria-errormessage aria-invalid aria-readonly aria-required",
      name_required=True)
_role("switch", "checkbox", "", "aria-checked", children=True, name_from="author contents", name_required=True)
_role("tab", "widget", "aria-disabled aria-expanded aria-haspopup aria-posinset aria-selected aria-setsize",
      context="tablist", children=True, name_from="author contents", selected="false")
_role("tablist", "composite", "aria-multiselectable aria-orientation", owned="tab", orientation="horizontal")
_role("tabpanel", "section", name_required=True)
_role("textbox", "input", "aria-activedescendant aria-autocomplete aria-errormessage aria-haspopup "
      "aria-invalid aria-multiline aria-placeholder aria-readonly aria-required", name_required=True)
_role("tree", "select", "aria-errormessage aria-invalid aria-multiselectable aria-required",
      owned="group>treeitem treeitem", name_required=True, orientation="vertical")
_role("treegrid", "grid tree", owned="row rowgroup>row", name_required=True)
_role("treeitem", "listitem option", "aria-expanded aria-haspopup", context="group tree",
      name_from="author contents", name_required=True)

# --- landmarks, live regions, windows ----------------------------------------------------------------------
for _landmark in ("banner", "complementary", "contentinfo", "form", "main", "navigation", "search"):
    _role(_landmark, "landmark")
_role("region", "landmark", name_required=True)
_role("alert", "section", live="assertive", atomic="true")
_role("log", "section", live="polite")
_role("marquee", "section", name_required=True)
_role("status", "section", live="polite", atomic="true")
_role("timer", "status")
_role("dialog", "window", "aria-modal", name_required=True)
_role("alertdialog", "alert dialog", name_required=True)

# --- Digital Publishing WAI-ARIA 1.1 and the Graphics module -------------------------------------------------
for _name in ("acknowledgments afterword appendix bibliography chapter conclusion credits endnotes epilogue "
              "errata foreword glossary introduction part preface prologue").split():
    _role(f"doc-{_name}", "landmark", name_required=True)
for _name in "abstract colophon credit dedication epigraph example footnote pullquote qna".split():
    _role(f"doc-{_name}", "section")
for _name in "index pagelist toc".split():
    _role(f"doc-{_name}", "navigation", name_required=True)
for _name in "backlink biblioref glossref noteref".split():
    _role(f"doc-{_name}", "link", name_from="author contents", name_required=True)
_role("doc-biblioentry", "listitem", context="doc-bibliography", name_required=True)
_role("doc-endnote", "listitem", context="doc-endnotes")
_role("doc-cover", "img")
_role("doc-notice", "note")
_role("doc-tip", "note")
_role("doc-pagebreak", "separator", name_required=True)
_role("doc-pagefooter", "section", name_from="prohibited", prohibited=_NAME_PROHIBITED)
_role("doc-pageheader", "section", name_from="prohibited", prohibited=_NAME_PROHIBITED)
_role("doc-subtitle", "sectionhead")
_role("graphics-document", "document", name_required=True)
_role("graphics-object", "group")
_role("graphics-symbol", "img", name_required=True)

#: Roles of WAI-ARIA 1.2 itself: the ACT rules on required context and owned elements apply to these only.
ARIA_12_ROLES = frozenset(
    name for name in ROLES if not name.startswith(("doc-", "graphics-")) and name not in
    ("comment", "mark", "suggestion", "image")
)

#: Each state or property: its value type and, for tokens, the values it takes.
#: Types: "true/false", "tristate", "true/false/undefined", "id", "ids", "integer", "number",
#: "string", "token", "tokens".
ATTRIBUTES: dict[str, tuple[str, tuple[str, ...]]] = {
    "aria-activedescendant": ("id", ()),
    "aria-atomic": ("true/false", ()),
    "aria-autocomplete": ("token", ("inline", "list", "both", "none")),
    "aria-braillelabel": ("string", ()),
    "aria-brailleroledescription": ("string", ()),
    "aria-busy": ("true/false", ()),
    "aria-checked": ("tristate", ()),
    "aria-colcount": ("integer", ()),
    "aria-colindex": ("integer", ()),
    "aria-colindextext": ("string", ()),
    "aria-colspan": ("integer", ()),
    "aria-controls": ("ids", ()),
    "aria-current": ("token", ("page", "step", "location", "date", "time", "true", "false")),
    "aria-describedby": ("ids", ()),
    "aria-description": ("string", ()),
    "aria-details": ("ids", ()),
    "aria-disabled": ("true/false", ()),
    "aria-dropeffect": ("tokens", ("copy", "execute", "link", "move", "none", "popup")),
    "aria-errormessage": ("ids", ()),
    "aria-expanded": ("true/false/undefined", ()),
    "aria-flowto": ("ids", ()),
    "aria-grabbed": ("true/false/undefined", ()),
    "aria-haspopup": ("token", ("false", "true", "menu", "listbox", "tree", "grid", "dialog")),
    "aria-hidden": ("true/false/undefined", ()),
    "aria-invalid": ("token", ("grammar", "false", "spelling", "true")),
    "aria-keyshortcuts": ("string", ()),
    "aria-label": ("string", ()),
    "aria-labelledby": ("ids", ()),
    "aria-level": ("integer", ()),
    "aria-live": ("token", ("assertive", "off", "polite")),
    "aria-modal": ("true/false", ()),
    "aria-multiline": ("true/false", ()),
    "aria-multiselectable": ("true/false", ()),
    "aria-orientation": ("token", ("horizontal", "undefined", "vertical")),
    "aria-owns": ("ids", ()),
    "aria-placeholder": ("string", ()),
    "aria-posinset": ("integer", ()),
    "aria-pressed": ("tristate", ()),
    "aria-readonly": ("true/false", ()),
    "aria-relevant": ("tokens", ("additions", "all", "removals", "text")),
    "aria-required": ("true/false", ()),
    "aria-roledescription": ("string", ()),
    "aria-rowcount": ("integer", ()),
    "aria-rowindex": ("integer", ()),
    "aria-rowindextext": ("string", ()),
    "aria-rowspan": ("integer", ()),
    "aria-selected": ("true/false/undefined", ()),
    "aria-setsize": ("integer", ()),
    "aria-sort": ("token", ("ascending", "descending", "none", "other")),
    "aria-valuemax": ("number", ()),
    "aria-valuemin": ("number", ()),
    "aria-valuenow": ("number", ()),
    "aria-valuetext": ("string", ()),
}

#: Global states and properties of WAI-ARIA 1.2, deprecated ones included: any of these on an element
#: with role="none" makes the browser expose it with its own role (presentational roles conflict).
GLOBAL_ARIA_12 = frozenset(
    "aria-atomic aria-busy aria-controls aria-current aria-describedby aria-details aria-disabled "
    "aria-dropeffect aria-errormessage aria-flowto aria-grabbed aria-haspopup aria-hidden aria-invalid "
    "aria-keyshortcuts aria-label aria-labelledby aria-live aria-owns aria-relevant aria-roledescription".split()
)
#: Every global state or property, with those ARIA 1.3 adds.
GLOBAL_ARIA = GLOBAL_ARIA_12 | {"aria-braillelabel", "aria-brailleroledescription", "aria-description"}

#: ARIA in HTML: elements with no role of their own may take the states and properties of this role.
LANGUAGE_FEATURE_ROLES: dict[str, str] = {"audio": "application", "video": "application"}
#: ARIA in HTML: `input` types with no role of their own that take the properties of a text field.
TEXT_FIELD_INPUT_TYPES = frozenset("color date datetime-local month password time week".split())
#: ARIA in HTML: `aria-required` may stand for HTML's `required` on any element that takes it (a radio button);
#: keys as NATIVE_STATES'.
TAKES_REQUIRED = frozenset({"select", "textarea"} | {f"input {kind}" for kind in (
    "checkbox date datetime-local email file month number password radio search tel text time url week").split()})
#: What WAI-ARIA 1.1 allowed on a role, and on the roles inheriting from it, that WAI-ARIA 1.2 no longer does
#: (1.1's "Used in Roles" of each; 1.1 made combobox a select, which took aria-orientation).
ARIA_11_ONLY: dict[str, frozenset[str]] = {
    "aria-expanded": frozenset({"document", "section", "sectionhead", "window"}),
    "aria-level": frozenset({"grid", "tablist"}),
    "aria-orientation": frozenset({"combobox"}),
}
#: ARIA in HTML: elements that take no role and no state or property but aria-hidden (a line break).
ARIA_HIDDEN_ONLY_ELEMENTS = frozenset({"br", "wbr"})
#: HTML-AAM: states an element's own HTML state exposes, whatever role it is given (a checkbox's checkedness
#: is its aria-checked, so `<input type="checkbox" role="switch">` has one). Keys: tag, or "input <type>".
NATIVE_STATES: dict[str, frozenset[str]] = {
    "input checkbox": frozenset({"aria-checked"}),
    "input radio": frozenset({"aria-checked"}),
    "input range": frozenset({"aria-valuenow", "aria-valuemin", "aria-valuemax"}),
    "input number": frozenset({"aria-valuenow"}),
    "option": frozenset({"aria-selected"}),
}

#: Roles WAI-ARIA 1.2 (`directory`) and Digital Publishing WAI-ARIA 1.1 (`doc-biblioentry`, `doc-endnote`)
#: deprecate: assistive technology is free to drop them.
DEPRECATED_ROLES = frozenset({"directory", "doc-biblioentry", "doc-endnote"})
#: A role a browser implements outside WAI-ARIA (WebKit's `text`, read as one run of text): a valid value
#: of `role`, which other browsers ignore.
BROWSER_ROLES = frozenset({"text"})
#: HTML elements that HTML itself names (HTML-AAM: alt, label, legend, caption, content of a button...);
#: an ARIA role on them is named by that, so axe-core's role name rules leave them to the element's rule.
#: Keys: tag, or "input <type>"; an `a` names itself only with `href`.
NAMED_BY_HTML = frozenset(
    "area br button fieldset figure hr img output select summary svg table textarea".split()
) | {f"input {kind}" for kind in "button color date datetime-local email file image month number password "
     "range reset search submit tel text time url week".split()}

#: ARIA in HTML: the roles an author may give each element ("any": every role; "": none), as axe-core 4.14
#: keeps them (html-elms.js). Keys: a tag; "input <type>"; or a tag and a condition the element meets:
#: `a[href]`, `area[href]`, `img[alt]` (an image with a name), `input checkbox[aria-pressed]`,
#: `input text[list]`, `figure[figcaption]`, `select[combobox]` (one line, one choice), `summary[details]`.
_ANY = ("abbr address b bdi bdo blockquote canvas cite code data del dfn div em hgroup i ins kbd mark output p "
        "pre q rp rt ruby s samp small span strong svg sub sup table tbody tfoot thead time td th tr u var "
        "a figure summary").split()
_NONE = ("base body caption col colgroup datalist dd details head html label legend link main map math meta meter "
         "noscript optgroup option param picture progress script slot source style template textarea title track "
         "area[href] select summary[details] input[text][list]").split()
_LIST_ROLES = "directory group listbox menu menubar none presentation radiogroup tablist toolbar tree"
_HEADING_ROLES = "none presentation tab doc-subtitle"
_NO_ROLE_INPUTS = "color date datetime-local file hidden month number password range reset submit time week"
ALLOWED_ROLES: dict[str, str] = {
    **{tag: "any" for tag in _ANY}, **{key.replace("[text]", " text"): "" for key in _NONE},
    **{f"input {kind}": "" for kind in _NO_ROLE_INPUTS.split()},
    **{tag: _LIST_ROLES for tag in ("menu", "ol", "ul")}, **{f"h{n}": _HEADING_ROLES for n in range(1, 7)},
    "a[href]": "button checkbox menuitem menuitemcheckbox menuitemradio option radio switch tab treeitem "
               "doc-backlink doc-biblioref doc-glossref doc-noteref",
    "area": "button link",
    "article": "feed presentation none document application main region",
    "aside": "feed note presentation none region search doc-dedication doc-example doc-footnote doc-glossary "
             "doc-pullquote doc-tip",
    "audio": "application", "video": "application", "br": "presentation none", "wbr": "presentation none",
    "button": "checkbox combobox gridcell link menuitem menuitemcheckbox menuitemradio option radio separator "
              "slider switch tab treeitem",
    "dialog": "alertdialog", "dl": "group list presentation none", "dt": "listitem",
    "embed": "application document img image presentation none", "fieldset": "none presentation radiogroup",
    "figcaption": "group none presentation", "figure[figcaption]": "doc-example",
    "footer": "group none presentation doc-footnote", "header": "group none presentation doc-footnote",
    "form": "form search none presentation", "hr": "none presentation doc-pagebreak",
    "iframe": "application document img image none presentation",
    "img": "presentation none",
    "img[alt]": "button checkbox link math menuitem menuitemcheckbox menuitemradio meter option progressbar radio "
                "scrollbar separator slider switch tab treeitem doc-cover",
    "input button": "checkbox combobox link menuitem menuitemcheckbox menuitemradio option radio switch tab",
    "input checkbox": "menuitemcheckbox option switch",
    "input checkbox[aria-pressed]": "button menuitemcheckbox option switch",
    "input image": "link menuitem menuitemcheckbox menuitemradio radio switch",
    "input radio": "menuitemradio", "input text": "combobox searchbox spinbutton",
    "li": "menuitem menuitemcheckbox menuitemradio option none presentation radio separator tab treeitem "
          "doc-biblioentry doc-endnote",
    "nav": "doc-index doc-pagelist doc-toc menu menubar none presentation tablist",
    "object": "application document img image",
    "search": "form group none presentation region search",
    "section": "alert alertdialog application banner complementary contentinfo dialog document feed group log "
               "main marquee navigation none note presentation search status tabpanel doc-abstract "
               "doc-acknowledgments doc-afterword doc-appendix doc-bibliography doc-chapter doc-colophon "
               "doc-conclusion doc-credit doc-credits doc-dedication doc-endnotes doc-epigraph doc-epilogue "
               "doc-errata doc-example doc-foreword doc-glossary doc-index doc-introduction doc-notice "
               "doc-pagelist doc-part doc-preface doc-prologue doc-pullquote doc-qna doc-toc",
    "select[combobox]": "menu",
}
#: Digital Publishing roles that refine a role HTML gives some elements: allowed only where it is that role.
DPUB_REFINES: dict[str, str] = {
    "doc-backlink": "link", "doc-biblioref": "link", "doc-glossref": "link", "doc-noteref": "link",
    "doc-biblioentry": "listitem", "doc-endnote": "listitem", "doc-cover": "img",
}
#: Input types of HTML; any other `type` is a text field.
INPUT_TYPES = frozenset(
    "button checkbox color date datetime-local email file hidden image month number password radio range reset "
    "search submit tel text time url week".split()
)
