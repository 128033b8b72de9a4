"""Mark killed flow runs Crashed: ``newsfacts zombies`` (Prefect's zombie-run detection).

A worker killed mid-run (``kill -9``, an evicted container, a machine that lost power) never
reports its run's end, so the run stays ``Running`` in the Prefect UI for ever and a schedule
that waits on it may never start the next one. Prefect's answer (3.1.8 and later, "detect
zombie flows") has two halves, both set up here:

1. Every flow run sends a heartbeat event: ``PREFECT_FLOWS_HEARTBEAT_FREQUENCY`` (seconds, at
   least 30) in the environment of whatever runs the flows. ``prefect.yaml`` sets it for the
   process work pool and ``newsfacts serve`` sets it for itself (``HEARTBEAT_SECONDS``).
2. An automation on the server marks a run ``Crashed`` when a heartbeat is not followed by
   another one (or by the run's end) within a few beats. ``newsfacts zombies`` creates it, or
   replaces the one of the same name, on the server ``PREFECT_API_URL`` names.

Only runs started by a deployment (``prefect deploy`` + a worker, or ``newsfacts serve``) send
heartbeats; a flow called as a plain function in a script does not.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from prefect.automations import Automation

__all__ = ["AUTOMATION_NAME", "HEARTBEAT_SECONDS", "main", "zombie_automation"]

#: How often a flow run reports that it is alive (Prefect's floor is 30 s).
HEARTBEAT_SECONDS = 60
#: The automation's name, so that running ``newsfacts zombies`` again replaces rather than adds.
AUTOMATION_NAME = "newsfacts: crash zombie flow runs"


def zombie_automation(heartbeat_s: int = HEARTBEAT_SECONDS, missed: int = 3) -> Automation:
    """The automation that crashes a flow run silent for ``missed`` heartbeats.

    The trigger is "proactive": it fires when what it expects (another heartbeat, or the run's
    end) does *not* come within the window after a heartbeat, once per flow run.
    """
    if heartbeat_s < 30:
        raise ValueError(f"heartbeat_s must be at least 30 (Prefect's floor), not {heartbeat_s}")
    if missed < 2:
        raise ValueError(f"missed must be at least 2 (one late beat is not a dead run), not {missed}")
    from prefect.automations import Automation
    from prefect.client.schemas.objects import StateType
    from prefect.events.actions import ChangeFlowRunState
    from prefect.events.schemas.automations import EventTrigger, Posture
    from prefect.events.schemas.events import ResourceSpecification

    return Automation(
        name=AUTOMATION_NAME,
        description=f"Marks a flow run Crashed when it sent no heartbeat for {missed * heartbeat_s} s.",
        trigger=EventTrigger(
            after={"prefect.flow-run.heartbeat"},
            expect={
                "prefect.flow-run.heartbeat",
                "prefect.flow-run.Completed",
                "prefect.flow-run.Failed",
                "prefect.flow-run.Cancelled",
                "prefect.flow-run.Crashed",
            },
            match=ResourceSpecification({"prefect.resource.id": ["prefect.flow-run.*"]}),
            for_each={"prefect.resource.id"},
            posture=Posture.Proactive,
            threshold=1,
            within=timedelta(seconds=missed * heartbeat_s),
        ),
        actions=[
            ChangeFlowRunState(
                state=StateType.CRASHED,
                message=f"newsfacts: no heartbeat for {missed * heartbeat_s} s; the worker was probably killed.",
            )
        ],
    )


@click.command(
    "zombies",
    context_settings={"help_option_names": ["-h", "--help"]},
    short_help="Create the Prefect automation that crashes killed flow runs.",
)
@click.option(
    "--heartbeat",
    "heartbeat_s",
    type=click.IntRange(min=30),
    default=HEARTBEAT_SECONDS,
    show_default=True,
    help="Seconds between a flow run's heartbeats (PREFECT_FLOWS_HEARTBEAT_FREQUENCY of the workers).",
)
@click.option(
    "--missed",
    type=click.IntRange(min=2),
    default=3,
    show_default=True,
    help="Heartbeats missed before a run is marked Crashed.",
)
def main(heartbeat_s: int, missed: int) -> None:
    """Create (or replace) the automation that marks flow runs Crashed when their heartbeats stop.

    Needs a Prefect server (PREFECT_API_URL). Workers must send heartbeats: prefect.yaml and
    `newsfacts serve` set PREFECT_FLOWS_HEARTBEAT_FREQUENCY to the default of --heartbeat.
    """
    from newsfacts.flows.serve import prefect_environment

    prefect_environment()
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        raise click.ClickException("PREFECT_API_URL is not set: start `prefect server start` and export it first")
    from prefect.automations import Automation

    automation = zombie_automation(heartbeat_s, missed)
    try:
        old = Automation.read(name=AUTOMATION_NAME)
    except ValueError:  # Prefect raises ValueError when no automation has the name
        old = None
    if old is not None:
        old.delete()
    created = automation.create()
    click.echo(f"automation {created.name!r} ({created.id}): runs silent for {missed * heartbeat_s} s become Crashed")
