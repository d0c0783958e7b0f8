"""Keys typed in the same burst as a key that moves the focus wait for the focus, then land there.

Textual sends a key to the widget focused when the key *arrives*, and runs an ordinary (not
priority) binding only when the key has bubbled back up to the app. So in a burst such as
`a` + `紧跟着打的字` + ctrl+s (a paste, an IME commit, a fast typist) every key has already been
sent to the reader before the `a` binding pushes the note editor; they bubble up to an app whose
screen is now the editor, match none of its bindings and vanish. The same happens after `/`
(the search field), after `e` in the 笔记 tab, and after the keys that close a field (Enter or
Esc in the search field, ctrl+s or Esc in the editor): what follows them went to the field
that is closing.

So a key that will move the focus is recognised as it arrives, and the keys and pastes after it
are held, in order, until the focus has moved (or the key turned out to move nothing), then
replayed as if they arrived at that moment. A note asked for before the analysis is done
(`tui.pending`) holds them until its editor opens; Esc calls it off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.timer import Timer
    from textual.widget import Widget

    _Base = App[int]
else:
    _Base = object

# Actions that move the focus into a text field, wherever their binding is (app or sidebar tab).
OPENING_ACTIONS = frozenset({"annotate", "search", "edit"})
HOLD_LIMIT = 2.0  # seconds: if the focus never moves, the held keys go where it is
NEVER_HELD = frozenset({"ctrl+q"})  # quitting never waits for an analysis


class Hold:
    """Keys waiting for the focus to leave `since` (on `screen`), in the order typed."""

    def __init__(
        self, since: Widget | None, screen: Screen[object], opener: events.Key | None
    ) -> None:
        self.since = since
        self.screen = screen
        # The opening key, recognised when it bubbles back: its binding has run by then. A
        # closing key has none: its field closes later (Input.Submitted, a screen's dismiss).
        self.opener = opener
        self.held: list[events.Key | events.Paste] = []
        self.waiting = False  # for the analysis: the note's editor opens when it is done
        self.timer: Timer | None = None


class TypeaheadMixin(_Base):
    """The JingduApp part that keeps a burst's keys in order across a change of focus."""

    _hold: Hold | None = None

    if TYPE_CHECKING:

        def _call_off_pending_note(self) -> None:
            """See PendingMixin."""

    def watch_typeahead(self) -> None:
        """Hear of every change of screen (a modal opening or closing), from on_mount: the
        app checks, after the message it is handling, whether held keys may go."""
        self.screen_change_signal.subscribe(self, lambda _screen: self._release_if_settled())

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste):
            await self._typed(event)
            return
        await super().on_event(event)
        if self._hold is not None and isinstance(event, events.DescendantFocus):
            await self._release_if_settled()

    async def _typed(self, event: events.Key | events.Paste) -> None:
        """A key or a paste: held, or handled (beginning a hold when it moves the focus)."""
        hold = self._hold
        if event.is_forwarded:  # bubbled back up: the bindings run now
            await super().on_event(event)
            if hold is not None and hold.opener is event and self._hold is hold:
                await self._opener_done(hold)
            return
        if hold is not None and not (isinstance(event, events.Key) and event.key in NEVER_HELD):
            if hold.waiting and isinstance(event, events.Key) and event.key == "escape":
                self._hold = None
                self._call_off_pending_note()  # the note and what was typed for it
                return
            hold.held.append(event)
            return
        if isinstance(event, events.Key):
            moves = self._moves_focus(event)
            if moves is not None:
                self._begin_hold(event if moves == "opens" else None)
        await super().on_event(event)

    def _moves_focus(self, event: events.Key) -> str | None:
        """'opens' when the key opens a text field here, 'closes' when it closes the one that
        has the focus, else None."""
        key, focused = event.key, self.focused
        if isinstance(focused, Input):  # it takes printable keys before any binding sees them
            return "closes" if key in ("enter", "escape") else None
        if key in getattr(self.screen, "CLOSE_KEYS", ()):
            return "closes"
        if focused is None or "+" in key:  # a, /, e: no opening key is a chord
            return None
        for _node, bindings in self.screen._modal_binding_chain:
            for binding in bindings.key_to_bindings.get(key, ()):
                if not binding.priority:  # the binding Textual will run when the key is back
                    return "opens" if binding.action in OPENING_ACTIONS else None
        return None

    def _begin_hold(self, event: events.Key | None) -> None:
        """Hold what comes after a key until the focus has moved (`event`: an opening key)."""
        hold = Hold(self.focused, self.screen, event)
        hold.timer = self.set_timer(HOLD_LIMIT, self._release)
        self._hold = hold

    def hold_for_pending_note(self) -> None:
        """The `a` being handled waits for the analysis: so does what is typed after it."""
        hold = self._hold
        if hold is not None and not hold.waiting:
            hold.waiting = True
            if hold.timer is not None:
                hold.timer.stop()

    async def _opener_done(self, hold: Hold) -> None:
        """The opening key's binding has run: release once the field is there, or at once if
        the binding opened nothing; it may have asked the app by a message (e in 笔记), so
        that is looked at after the messages queued now."""
        if self.screen is hold.screen and self.focused is hold.since:
            self.call_later(self._opened_nothing, hold)
        else:
            await self._release_if_settled()

    async def _opened_nothing(self, hold: Hold) -> None:
        """Unless a field is on its way (or the analysis is awaited), the keys go on."""
        if self._hold is not hold or hold.waiting:
            return
        if self.screen is hold.screen and self.focused is hold.since:
            await self._release()  # refused, or nothing to edit
        else:
            await self._release_if_settled()

    async def _release_if_settled(self) -> None:
        """Release when the focus is on another widget than the one the hold began on."""
        hold, focused = self._hold, self.focused
        if hold is None or focused is None:  # a new screen, not focused yet
            return
        if hold.waiting and self.screen is hold.screen:  # a click moved the focus: not the note
            return
        if focused is not hold.since or self.screen is not hold.screen:
            await self._release()

    async def _release(self) -> None:
        """Replay the held keys, in order, as if they arrived now."""
        hold, self._hold = self._hold, None
        if hold is None:
            return
        if hold.timer is not None:
            hold.timer.stop()
        for index, event in enumerate(hold.held):
            if self._hold is not None:  # a replayed key moves the focus again: the rest wait
                self._hold.held.extend(hold.held[index:])
                return
            again = (
                events.Key(event.key, event.character)
                if isinstance(event, events.Key)
                else events.Paste(event.text)
            )
            await self._typed(again)
