"""``newsfacts``: build the offline HTML dashboard and export fact rows for BI tools."""

from __future__ import annotations

import sys

import click

from newsfacts.dashboard.errors import NewsfactsError

__all__ = ["main"]


def _parse_fx(values: tuple[str, ...]) -> dict[str, float]:
    rates: dict[str, float] = {}
    for item in values:
        code, sep, number = item.partition("=")
        try:
            rate = float(number)
        except ValueError:
            rate = -1.0
        if not sep or not code.strip() or rate <= 0:
            raise click.BadParameter(
                f"{item!r}: expected CODE=RATE, e.g. USD=0.92", param_hint="--fx"
            )
        rates[code.strip().upper()] = rate
    return rates


@click.group()
def main() -> None:
    """Dashboards and BI exports from newsfacts fact rows (`extract --facts` output)."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default="dashboard.html",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The HTML file to write.",
)
@click.option(
    "--articles",
    "articles",
    multiple=True,
    help="Article-record JSONL (`extract` output) for the full text with the evidence highlighted; repeatable.",
)
@click.option("--title", default="newsfacts dashboard", show_default=True)
@click.option(
    "--to",
    "to",
    help="Add a view with every amount converted to this currency (needs --fx).",
)
@click.option(
    "--fx",
    multiple=True,
    metavar="CODE=RATE",
    help="One unit of CODE in the --to currency, e.g. --to EUR --fx USD=0.92; repeatable.",
)
def dashboard(
    paths: tuple[str, ...],
    output: str,
    articles: tuple[str, ...],
    title: str,
    to: str | None,
    fx: tuple[str, ...],
) -> None:
    """Write one self-contained HTML dashboard from fact JSONL (files, folders or globs)."""
    from newsfacts.dashboard.build import build_dashboard

    rates = _parse_fx(fx)
    if bool(rates) != bool(to):
        raise click.UsageError("--to and --fx go together: --to EUR --fx USD=0.92")
    try:
        report = build_dashboard(
            paths,
            output,
            articles=articles,
            title=title,
            fx=rates or None,
            to=to.upper() if to else None,
        )
    except NewsfactsError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"wrote {report.path} ({report.facts} facts, {report.articles} articles, "
        f"{report.texts} texts, {report.bytes / 1e6:.1f} MB) in {report.seconds:.1f} s",
        err=True,
    )


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--parquet",
    "parquet_dir",
    type=click.Path(file_okay=False),
    help="Folder for facts.parquet and one Parquet file per view.",
)
@click.option(
    "--duckdb",
    "duckdb_path",
    type=click.Path(dir_okay=False),
    help="DuckDB database file with table facts and its views (replaced if it exists).",
)
def export(
    paths: tuple[str, ...], parquet_dir: str | None, duckdb_path: str | None
) -> None:
    """Export fact JSONL to Parquet and/or a DuckDB database with typed columns and views."""
    from newsfacts.dashboard.export import export_facts

    if not parquet_dir and not duckdb_path:
        raise click.UsageError("give --parquet DIR and/or --duckdb FILE")
    try:
        report = export_facts(paths, parquet_dir=parquet_dir, duckdb_path=duckdb_path)
    except NewsfactsError as exc:
        raise click.ClickException(str(exc)) from exc
    outputs = [str(p) for p in report.parquet] + (
        [str(report.duckdb)] if report.duckdb else []
    )
    click.echo(f"exported {report.facts} facts to {', '.join(outputs)}", err=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
