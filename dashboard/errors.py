"""Errors of the dashboard and export commands, in the project's one exception tree.

```
NewsfactsError                       (models.errors)
 ├─ InputError       path, reason    (extractors.errors: a missing, empty or malformed fact file)
 └─ ExportError      reason, hint    (DuckDB missing, or an output that cannot be written)
```
"""

from __future__ import annotations

from newsfacts.extractors.errors import InputError, NewsfactsError

__all__ = ["ExportError", "InputError", "NewsfactsError"]


class ExportError(NewsfactsError):
    """An export could not be written."""

    def __init__(self, reason: str, *, hint: str | None = None) -> None:
        self.reason = reason
        self.hint = hint
        super().__init__(f"{reason} ({hint})" if hint else reason)
