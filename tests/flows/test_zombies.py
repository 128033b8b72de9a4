"""Killed flow runs become Crashed (issue 18): heartbeats on, and the automation that acts on them."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from newsfacts.flows.zombies import AUTOMATION_NAME, HEARTBEAT_SECONDS, main, zombie_automation

ROOT = Path(__file__).resolve().parents[2]


def test_zombie_automation_crashes_a_run_silent_for_three_beats() -> None:
    from prefect.client.schemas.objects import StateType
    from prefect.events.schemas.automations import Posture

    automation = zombie_automation(60, 3)
    trigger = automation.trigger
    assert trigger.posture == Posture.Proactive and trigger.within == timedelta(seconds=180)
    assert trigger.after == {"prefect.flow-run.heartbeat"}
    assert {"prefect.flow-run.heartbeat", "prefect.flow-run.Completed", "prefect.flow-run.Crashed"} <= trigger.expect
    assert trigger.for_each == {"prefect.resource.id"}
    (action,) = automation.actions
    assert action.type == "change-flow-run-state" and action.state == StateType.CRASHED


@pytest.mark.parametrize(("beat", "missed"), [(10, 3), (60, 1)])
def test_zombie_automation_refuses_windows_that_would_crash_live_runs(beat: int, missed: int) -> None:
    with pytest.raises(ValueError):
        zombie_automation(beat, missed)


def test_heartbeats_are_on_wherever_deployed_flows_run() -> None:
    """prefect.yaml's workers and `newsfacts serve` send the heartbeats the automation expects."""
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    env = config["definitions"]["job_variables"]["env"]
    assert int(env["PREFECT_FLOWS_HEARTBEAT_FREQUENCY"]) == HEARTBEAT_SECONDS
    for deployment in config["deployments"]:
        assert deployment["work_pool"]["job_variables"]["env"] == env
    from newsfacts.flows.serve import prefect_environment

    saved = os.environ.pop("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", None)
    try:
        prefect_environment()
        assert os.environ["PREFECT_FLOWS_HEARTBEAT_FREQUENCY"] == str(HEARTBEAT_SECONDS)
    finally:
        os.environ.pop("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", None)
        if saved is not None:
            os.environ["PREFECT_FLOWS_HEARTBEAT_FREQUENCY"] = saved


def test_zombies_command_creates_one_automation_on_the_server(prefect_server: str) -> None:
    """Run twice, the command leaves one automation of its name, with the latest window."""
    from prefect.automations import Automation
    from prefect.client.orchestration import get_client

    first = CliRunner().invoke(main, [])
    assert first.exit_code == 0, first.output
    second = CliRunner().invoke(main, ["--heartbeat", "30", "--missed", "4"])
    assert second.exit_code == 0, second.output
    with get_client(sync_client=True) as client:
        named = client.read_automations_by_name(name=AUTOMATION_NAME)
    assert len(named) == 1
    stored = Automation.read(name=AUTOMATION_NAME)
    assert stored.trigger.within == timedelta(seconds=120) and stored.enabled


def test_zombies_command_needs_a_server(tmp_path: Path) -> None:
    """Without a server the command says what to do and exits 1 (a fresh process: the session's
    test server is set in this one)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(tmp_path)  # no profile that names a server
    code = "from newsfacts.dashboard.cli import main\nmain(['zombies'])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1 and "PREFECT_API_URL is not set" in done.stderr
    assert CliRunner().invoke(main, ["--heartbeat", "10"]).exit_code == 2
