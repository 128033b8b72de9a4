"""Serve the flows on a schedule from one process: ``python -m newsfacts.flows.serve …``.

    prefect server start &                       # once, in another terminal (SQLite, telemetry off)
    export PREFECT_API_URL=http://127.0.0.1:4200/api
    python -m newsfacts.flows.serve --folder inbox --out out --folder-cron "*/10 * * * *" \\
        --feed https://example.org/feed.xml --feeds-cron "*/10 * * * *"

``flow.serve`` does not schedule on Prefect's temporary server, so a running ``prefect server``
(or Prefect Cloud) is required; this command refuses to start without ``PREFECT_API_URL``.
The process-work-pool alternative is ``prefect.yaml`` (``prefect deploy --all`` + ``prefect worker start``).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "newsfacts")

__all__ = ["main"]


def main(argv: list[str] | None = None) -> None:
    """Build the deployments from the command line and serve them until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m newsfacts.flows.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="output folder for facts and dead letters")
    parser.add_argument("--folder", help="watched folder")
    parser.add_argument("--pattern", default="**/*", help="glob below --folder (default: **/*)")
    parser.add_argument("--folder-cron", default="0 2 * * *", help="default: nightly at 02:00")
    parser.add_argument("--feed", action="append", default=[], help="feed URL (repeatable)")
    parser.add_argument("--feeds-cron", default="*/10 * * * *", help="default: every 10 minutes")
    parser.add_argument("--fetch-pages", action="store_true", help="fetch each feed item's page")
    parser.add_argument("--url-file", help="file of article URLs, one a line")
    parser.add_argument("--urls-cron", default="*/30 * * * *")
    parser.add_argument("--ner", help="NER model name (default: the language's default)")
    parser.add_argument("--batch-size", type=int, default=None)
    args = parser.parse_args(argv)
    if not os.environ.get("PREFECT_API_URL"):
        from prefect.settings import PREFECT_API_URL

        if not PREFECT_API_URL.value():
            sys.exit("Error: set PREFECT_API_URL to a running server (prefect server start), "
                     "e.g. export PREFECT_API_URL=http://127.0.0.1:4200/api")

    from prefect import serve

    common: dict[str, Any] = {"out": os.path.abspath(args.out), "ner": args.ner}
    if args.batch_size:
        common["batch_size"] = args.batch_size
    deployments = []
    if args.folder:
        from newsfacts.flows.folder import extract_folder

        deployments.append(extract_folder.to_deployment(
            name="folder", cron=args.folder_cron,
            parameters={**common, "folder": os.path.abspath(args.folder), "pattern": args.pattern}))
    if args.feed:
        from newsfacts.flows.feeds import extract_feeds

        deployments.append(extract_feeds.to_deployment(
            name="feeds", cron=args.feeds_cron,
            parameters={**common, "feeds": args.feed, "fetch_pages": args.fetch_pages}))
    if args.url_file:
        from newsfacts.flows.urls import extract_urls

        deployments.append(extract_urls.to_deployment(
            name="urls", cron=args.urls_cron, parameters={**common, "url_file": os.path.abspath(args.url_file)}))
    if not deployments:
        parser.error("nothing to serve: give --folder, --feed or --url-file")
    serve(*deployments)  # type: ignore[arg-type]  # to_deployment is sync here


if __name__ == "__main__":
    main()
