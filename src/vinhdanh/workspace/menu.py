"""The staff menu: a few sections, each a list of pages shown to the users its condition
admits.

One table rather than a template of conditions, so that the header stays short for every
role (six headings, not eighteen links on three lines) and a test can walk every entry for
every role: an entry a user sees must be a page that user may open.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.workspace.templatetags.decisions_tags import sees_decisions
from vinhdanh.workspace.views.board.inbox import works_the_inbox
from vinhdanh.workspace.views.imports import may_import


def _anyone(user) -> bool:
    return True


def _imports_history(user) -> bool:
    return user.has_perm("honors.import_history")


def _sits_on_council(user) -> bool:
    """The council's secretariat (the board) and its members."""
    return user.has_perm("council.manage_session") or user.council_memberships.exists()


@dataclass(frozen=True)
class Entry:
    label: str
    url_name: str
    # The URL names (or their prefixes before a dash) of the pages this entry stands for.
    sections: tuple[str, ...]
    shown: Callable = _anyone

    def is_current(self, url_name: str) -> bool:
        return any(url_name == s or url_name.startswith(f"{s}-") for s in self.sections)


@dataclass(frozen=True)
class Heading:
    label: str
    entries: tuple[Entry, ...]


MENU = (
    Entry(_("Overview"), "dashboard", ("dashboard",)),
    Heading(_("Organisation"), (
        Entry(_("Units"), "unit-list", ("unit",)),
        Entry(_("People"), "person-list", ("person", "household")),
        Entry(_("Emulation groups"), "group-list", ("group",)),
    )),
    Heading(_("Emulation"), (
        Entry(_("Movements"), "movement-list", ("movement", "directive")),
        Entry(_("Registrations"), "registration-list", ("registration",)),
        Entry(_("Group scoring"), "scoring-round-list", ("scoring",)),
    )),
    Heading(_("Commendation"), (
        Entry(_("Eligibility"), "eligibility", ("eligibility",)),
        Entry(_("Dossiers"), "batch-list", ("batch", "nomination")),
        Entry(_("Board inbox"), "board-inbox", ("board", "notice", "comment", "timeliness"),
              works_the_inbox),
        Entry(_("Council"), "council-session-list", ("council",), _sits_on_council),
        Entry(_("Decisions"), "decision-list", ("decision", "issuer"), sees_decisions),
    )),
    Heading(_("Publicity and reports"), (
        Entry(_("Exemplary stories"), "story-list", ("story",), sees_decisions),
        Entry(_("Statistics"), "statistics", ("statistics", "statutory"), sees_decisions),
    )),
    Heading(_("Rules and data"), (
        Entry(_("Rules and bonuses"), "law-packs", ("law", "bonus")),
        Entry(_("Import units and people"), "import-upload", ("import",), may_import),
        Entry(_("Import honour history"), "history-import", ("history-import",),
              _imports_history),
    )),
)


@dataclass(frozen=True)
class Link:
    """One line of the menu as the template draws it."""

    label: str
    url: str
    current: bool
    links: tuple["Link", ...] = ()  # a heading's pages; empty for a plain link


def menu_for(user, url_name: str) -> list[Link]:
    """The menu ``user`` sees on the page named ``url_name``; headings left without a page
    are dropped. Each condition is asked once."""
    answers: dict[Callable, bool] = {}

    def link(entry: Entry) -> Link | None:
        if entry.shown not in answers:
            answers[entry.shown] = entry.shown(user)
        if not answers[entry.shown]:
            return None
        return Link(entry.label, reverse(f"workspace:{entry.url_name}"),
                    entry.is_current(url_name))

    menu = []
    for item in MENU:
        if isinstance(item, Entry):
            menu.append(link(item))
            continue
        links = tuple(found for entry in item.entries if (found := link(entry)))
        if links:
            menu.append(Link(item.label, "", any(x.current for x in links), links))
    return [item for item in menu if item]
