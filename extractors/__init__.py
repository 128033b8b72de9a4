"""newsfacts: facts from news articles (who paid whom, how much, how often, and when).

The public API is ``extract_article``; the records are in ``extractors.records``. Importing this
package is cheap: the pipeline, its engines and the models load on first use.
"""

from __future__ import annotations

from typing import Any

from newsfacts.extractors.errors import NewsfactsError
from newsfacts.extractors.version import __version__

__all__ = ["Article", "FactRow", "NewsfactsError", "__version__", "extract_article"]


def __getattr__(name: str) -> Any:
    # lazy re-exports: `import extractors.cli` must not pay for pydantic models and engines
    if name == "extract_article":
        from newsfacts.extractors.pipeline import extract_article

        return extract_article
    if name in ("Article", "FactRow"):
        from newsfacts.extractors import records

        return getattr(records, name)
    raise AttributeError(f"module 'newsfacts.extractors' has no attribute {name!r}")
