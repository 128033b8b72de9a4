"""Prefect flows over the newsfacts library: sources in, fact rows and dead letters out.

One flow per file: ``extract_folder`` (flows/folder.py), ``extract_jsonl`` (flows/jsonl.py),
``extract_feeds`` (flows/feeds.py), ``extract_urls`` (flows/urls.py). The parts without Prefect
(``sources``, ``sinks``, ``batch``) can be imported and tested on their own; ``ingest`` holds the
tasks every flow shares. Importing this package does not import Prefect.
"""

from __future__ import annotations

__all__: list[str] = []
