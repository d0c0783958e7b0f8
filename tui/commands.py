"""The command palette provider: every reader and app action, searchable by its description."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider


@runtime_checkable
class PaletteSource(Protocol):
    """What the palette needs from its app, so this module never imports the app (no cycle)."""

    def palette_commands(self) -> Iterator[tuple[str, str, str]]:
        """(title, keys, action) for every command."""
        ...


class JingduCommands(Provider):
    """Offers every action of the help screen's groups; running one runs its key's action."""

    def _commands(self) -> Iterator[tuple[str, str, str]]:
        """(title, help, action) for each action, with its keys in the help text."""
        app = self.app
        if isinstance(app, PaletteSource):
            yield from app.palette_commands()

    async def discover(self) -> Hits:
        """Every command, shown when the palette opens empty."""
        for title, help_text, action in self._commands():
            yield DiscoveryHit(title, self._runner(action), help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose title or keys match what was typed."""
        matcher = self.matcher(query)
        for title, help_text, action in self._commands():
            score = max(matcher.match(title), matcher.match(help_text))
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._runner(action), help=help_text)

    def _runner(self, action: str) -> Callable[[], Awaitable[None]]:
        """A callback that runs `action` against the app (actions are namespaced strings)."""

        async def run() -> None:
            await self.app.run_action(action)

        return run
