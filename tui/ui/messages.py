"""Messages that go up from workers and widgets to the screen or app that owns the state."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class LoadProgress(Message):
    """The loading worker reached ``done`` of ``total`` in ``stage`` (read, segment, align)."""

    stage: str
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        # Only the latest figure matters: a flood of updates paints once.
        return isinstance(message, LoadProgress)


@dataclass
class AnnotationsChanged(Message):
    """The annotation store changed (``description`` says how); views redraw their marks."""

    description: str
