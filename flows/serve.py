"""Serve the flows on schedules from one process: ``newsfacts serve`` (``python -m newsfacts.flows.serve``).

    prefect server start &                       # once, in another terminal (SQLite, telemetry off)
    export PREFECT_API_URL=http://127.0.0.1:4200/api
    python -m newsfacts.flows.serve --folder inbox --out out --folder-cron "*/10 * * * *" \\
        --feed https://example.org/feed.xml --feeds-cron "*/10 * * * *"

``flow.serve`` does not schedule on Prefect's temporary server, so a running ``prefect server``
(or Prefect Cloud) is required; this command refuses to start without ``PREFECT_API_URL``.
The process-work-pool alternative is ``prefect.yaml`` (``prefect deploy --all`` + ``prefect worker start``).
"""

from __future__ import annotations

import os
from typing import Any

import click

from newsfacts.flows.zombies import HEARTBEAT_SECONDS

__all__ = ["main", "prefect_environment"]


def prefect_environment() -> None:
    """Telemetry off, our loggers in the run logs and flow-run heartbeats on (for the automation
    of ``newsfacts zombies``, which marks killed runs Crashed), unless the user said otherwise.

    Set here, before Prefect is first imported (it reads its settings then), rather than at this
    module's import: ``newsfacts --help`` imports this module to list the command.
    """
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "newsfacts")
    os.environ.setdefault("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", str(HEARTBEAT_SECONDS))


@click.command(
    "serve",
    context_settings={"help_option_names": ["-h", "--help"]},
    short_help="Serve the flows on schedules (needs a Prefect server).",
)
@click.option(
    "--out", required=True, type=click.Path(file_okay=False), help="Output folder for facts and dead letters."
)
@click.option("--folder", type=click.Path(file_okay=False), help="Watched folder.")
@click.option("--pattern", default="**/*", show_default=True, help="Glob below --folder.")
@click.option("--folder-cron", default="0 2 * * *", show_default=True, help="Schedule of the folder flow.")
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="Feed URL (repeatable).")
@click.option("--feeds-cron", default="*/10 * * * *", show_default=True, help="Schedule of the feeds flow.")
@click.option("--fetch-pages", is_flag=True, help="Fetch each feed item's page.")
@click.option("--url-file", type=click.Path(dir_okay=False), help="File of article URLs, one a line.")
@click.option("--urls-cron", default="*/30 * * * *", show_default=True, help="Schedule of the URLs flow.")
@click.option("--ner", metavar="NAME", help="NER model name (default: the language's default).")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Articles per extraction task.")
def main(
    out: str,
    folder: str | None,
    pattern: str,
    folder_cron: str,
    feeds: tuple[str, ...],
    feeds_cron: str,
    fetch_pages: bool,
    url_file: str | None,
    urls_cron: str,
    ner: str | None,
    batch_size: int | None,
) -> None:
    """Serve the folder, feeds and URL flows on schedules until interrupted (needs a Prefect server).

    \b
    prefect server start &
    export PREFECT_API_URL=http://127.0.0.1:4200/api
    newsfacts serve --folder inbox --out out --folder-cron "*/10 * * * *"
    """
    if not (folder or feeds or url_file):
        raise click.UsageError("nothing to serve: give --folder, --feed or --url-file")
    prefect_environment()
    if not os.environ.get("PREFECT_API_URL"):
        from prefect.settings import PREFECT_API_URL

        if not PREFECT_API_URL.value():
            raise click.ClickException(
                "set PREFECT_API_URL to a running server (prefect server start), "
                "e.g. export PREFECT_API_URL=http://127.0.0.1:4200/api"
            )

    from prefect import serve

    common: dict[str, Any] = {"out": os.path.abspath(out), "ner": ner}
    if batch_size:
        common["batch_size"] = batch_size
    deployments = []
    if folder:
        from newsfacts.flows.folder import extract_folder

        deployments.append(
            extract_folder.to_deployment(
                name="folder",
                cron=folder_cron,
                parameters={**common, "folder": os.path.abspath(folder), "pattern": pattern},
            )
        )
    if feeds:
        from newsfacts.flows.feeds import extract_feeds

        deployments.append(
            extract_feeds.to_deployment(
                name="feeds", cron=feeds_cron, parameters={**common, "feeds": list(feeds), "fetch_pages": fetch_pages}
            )
        )
    if url_file:
        from newsfacts.flows.urls import extract_urls

        deployments.append(
            extract_urls.to_deployment(
                name="urls", cron=urls_cron, parameters={**common, "url_file": os.path.abspath(url_file)}
            )
        )
    serve(*deployments)  # type: ignore[arg-type]  # to_deployment is sync here


if __name__ == "__main__":
    main()
