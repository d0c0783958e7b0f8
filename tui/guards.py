"""Guards for handlers of messages that workers post back, which may land while the app closes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import App

HandlerT = TypeVar("HandlerT", bound=Callable[..., Any])


def while_reading(handler: HandlerT) -> HandlerT:
    """Drop a worker's late message once the reader is gone (the user quit meanwhile)."""

    @functools.wraps(handler)
    def guarded(app: App[Any], *args: Any, **kwargs: Any) -> Any:
        if not app.is_running or not app.screen_stack or not app.query("#reader"):
            return None
        return handler(app, *args, **kwargs)

    return guarded  # type: ignore[return-value]
