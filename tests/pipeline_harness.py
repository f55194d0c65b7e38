"""Runs the `run:` steps of a generated GitHub workflow and the `script:` of a generated GitLab pipeline
with bash, on a scaffolded repository, the way the code hosts would.

What the harness stands in for: the runner (a clone of the repository per job, the predefined
variables, the step summary and output files; its package manager, `sudo` and `apt-get`, are recorders,
since this machine has the system packages .ci/run installs), the actions (`uses:` steps are checked for their
inputs and for the files they would upload, not run), the Python set-up (a fresh virtual environment
that installs isodocs through `pip install -r requirements-isodocs.txt` from a folder holding the
wheel built from the tree: no index, no network) and the code hosts' APIs (`gh` and `curl` are
recorders that keep what they were sent and answer "nothing there yet", or an earlier run's id when a
test says so). Everything else, isodocs, git,
pip and the shell, is real.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

RECORDER = r'''#!/usr/bin/env python3
"""Stands in for the code host's CLI or API client: records the call and the files it sends, and
answers a read with "nothing there yet"."""
import json, os, re, sys
args = sys.argv[1:]
sent = {}
for i, arg in enumerate(args):
    match = re.match(r"^([\w-]+)=?@(.+)$", arg)
    if match and os.path.isfile(match.group(2)):
        sent[match.group(1)] = open(match.group(2), encoding="utf-8").read()
    if arg == "--body-file" and i + 1 < len(args):
        sent["body"] = open(args[i + 1], encoding="utf-8").read()
with open(os.environ["HARNESS_CALLS"], "a", encoding="utf-8") as log:
    log.write(json.dumps({"tool": os.path.basename(sys.argv[0]), "args": args, "files": sent}) + "\n")
writes = ("POST", "PUT", "PATCH", "create", "edit", "close")
existing = os.environ.get("HARNESS_EXISTING")   # the id of a comment, note or issue an earlier run left
if not any(a in args for a in writes):
    if os.path.basename(sys.argv[0]) == "gh":     # gh applies its --jq filter: the id alone, or nothing
        sys.stdout.write(existing or "")
    else:
        found = [{"id": int(existing), "iid": int(existing), "title": "isodocs: what is due",
                  "body": "<!-- isodocs merge-request summary -->\nearlier"}] if existing else []
        sys.stdout.write(json.dumps(found))
'''


@dataclass
class Step:
    name: str
    code: int | None                      # None: skipped
    output: str = ""
    summary: str = ""
    outputs: dict[str, str] = field(default_factory=dict)


@dataclass
class Job:
    name: str
    ran: bool
    steps: list[Step] = field(default_factory=list)
    workspace: Path | None = None

    @property
    def code(self) -> int:
        return next((s.code for s in self.steps if s.code), 0)

    def step(self, fragment: str) -> Step:
        return next(s for s in self.steps if fragment in s.name)


class Runner:
    """Shared by both hosts: the origin repository, the environment with isodocs, the recorders."""

    def __init__(self, origin: Path, work: Path, bin_dir: Path, wheelhouse: Path) -> None:
        self.origin, self.work, self.bin_dir, self.wheelhouse = origin, work, bin_dir, wheelhouse
        self.tools = work / "tools"
        self.tools.mkdir(parents=True, exist_ok=True)
        for tool in ("gh", "curl", "sudo", "apt-get"):
            path = self.tools / tool
            path.write_text(RECORDER)
            path.chmod(path.stat().st_mode | stat.S_IEXEC)
        self.extra: dict[str, str] = {}     # variables of the next runs, e.g. HARNESS_EXISTING
        self.calls_log = work / "calls.jsonl"
        self.calls_log.touch()

    def calls(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.calls_log.read_text().splitlines()]

    def clone(self, name: str, ref: str) -> Path:
        workspace = self.work / name
        if workspace.exists():
            shutil.rmtree(workspace)
        subprocess.run(["git", "clone", "--quiet", "--no-local", str(self.origin), str(workspace)], check=True)
        subprocess.run(["git", "checkout", "--quiet", ref], cwd=workspace, check=True)
        return workspace

    def environ(self, workspace: Path, extra: dict[str, str]) -> dict[str, str]:
        environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV") and
                   not k.startswith(("GITHUB_", "CI_", "PIP_"))}
        environ.update({"PATH": f"{self.bin_dir}{os.pathsep}{self.tools}{os.pathsep}{environ['PATH']}",
                        "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(self.wheelhouse), "CI": "true",
                        "HARNESS_CALLS": str(self.calls_log), "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
        environ.update(self.extra)
        environ.update(extra)
        return environ

    def bash(self, script: str, workspace: Path, environ: dict[str, str]) -> tuple[int, str]:
        path = self.work / "step.sh"
        path.write_text(script)
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(path)], cwd=workspace,
                                env=environ, capture_output=True, text=True)
        return result.returncode, result.stdout + result.stderr


# --- GitHub Actions -------------------------------------------------------------------------------

def _lookup(context: dict[str, Any], dotted: str) -> Any:
    value: Any = context
    for part in dotted.split("."):
        value = value.get(part, "") if isinstance(value, dict) else ""
    return value


def github_expression(expression: str, context: dict[str, Any], status_ok: bool) -> Any:
    """The subset of GitHub's expression language the generated workflow uses."""
    expression = expression.strip()
    if expression.startswith("${{") and expression.endswith("}}"):
        expression = expression[3:-2].strip()
    uses_status = re.search(r"\b(always|cancelled|success|failure)\(\)", expression)
    tokens = re.findall(r"'[^']*'|\|\||&&|==|!=|!|\(|\)|[A-Za-z_][\w.-]*\(\)|[A-Za-z_][\w.-]*|\d+", expression)
    python = []
    for token in tokens:
        if token.startswith("'"):
            python.append(repr(token[1:-1]))
        elif token in ("||", "&&"):
            python.append(" or " if token == "||" else " and ")
        elif token in ("==", "!=", "(", ")"):
            python.append(f" {token} ")
        elif token == "!":
            python.append(" not ")
        elif token.endswith("()"):
            python.append({"always()": "True", "cancelled()": "False", "success()": repr(status_ok),
                           "failure()": repr(not status_ok)}[token])
        elif token in ("true", "false"):
            python.append(token.title())
        elif token.isdigit():
            python.append(token)
        else:
            python.append(repr(_lookup(context, token)))
    value = eval("".join(python), {"__builtins__": {}})  # built from the tokens above only
    return value if uses_status else (status_ok and value)


def substitute(value: str, context: dict[str, Any]) -> str:
    def one(match: re.Match) -> str:
        result = github_expression(match.group(1), context, True)
        return "" if result is None else str(result)
    return re.sub(r"\$\{\{(.*?)\}\}", one, str(value))


class GitHub(Runner):
    def __init__(self, *args: Any, workflow: Path, event: str, ref: str, base: str | None = None) -> None:
        super().__init__(*args)
        self.workflow = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        self.event, self.ref, self.base = event, ref, base
        self.github = {
            "event_name": event, "repository": "acme/compliance", "token": "job-token", "workflow": "isodocs",
            "ref": "refs/pull/7/merge" if event == "pull_request" else f"refs/heads/{ref}",
            "base_ref": base or "", "ref_name": ref,
            "event": {"pull_request": {"number": 7, "head": {"repo": {"full_name": "acme/compliance"}}}}
            if event == "pull_request" else {"repository": {"default_branch": "main"}},
        }

    def plan(self) -> set[str]:
        """The jobs this event starts, when every job they need passes."""
        context = {"github": self.github, "steps": {}}
        return {job_id for job_id, job in self.workflow["jobs"].items()
                if "if" not in job or github_expression(str(job["if"]), context, True)}

    def jobs(self, only: tuple[str, ...] = ()) -> dict[str, Job]:
        results: dict[str, Job] = {}
        for job_id, job in self.workflow["jobs"].items():
            if only and job_id not in only:
                continue
            needs = job.get("needs", [])
            needs = [needs] if isinstance(needs, str) else needs
            ready = all(results[n].ran and results[n].code == 0 for n in needs)
            context = {"github": self.github, "steps": {}}
            if not ready or ("if" in job and not github_expression(str(job["if"]), context, True)):
                results[job_id] = Job(job_id, ran=False)
                continue
            results[job_id] = self.job(job_id, job)
        return results

    def job(self, job_id: str, job: dict[str, Any]) -> Job:
        workspace = self.clone(f"gh-{job_id}", self.ref)
        steps_context: dict[str, Any] = {}
        context = {"github": self.github, "steps": steps_context}
        result = Job(job_id, ran=True, workspace=workspace)
        ok = True
        for index, step in enumerate(job["steps"]):
            name = step.get("name") or step.get("uses") or step.get("run", "").splitlines()[0]
            condition = str(step.get("if", "success()"))
            if not github_expression(condition, context, ok):
                result.steps.append(Step(name, None))
                if "id" in step:
                    steps_context[step["id"]] = {"outcome": "skipped", "outputs": {}}
                continue
            env = {**self.workflow.get("env", {}), **job.get("env", {}), **step.get("env", {})}
            env = {k: substitute(v, context) for k, v in env.items()}
            if "uses" in step:
                code, output = self.action(step, workspace)
                outputs: dict[str, str] = {}
                summary = ""
            else:
                files = {key: self.work / f"{job_id}-{index}-{key}" for key in ("summary", "output", "env")}
                for path in files.values():
                    path.write_text("")
                environ = self.environ(workspace, {
                    **env, "GITHUB_STEP_SUMMARY": str(files["summary"]), "GITHUB_OUTPUT": str(files["output"]),
                    "GITHUB_ENV": str(files["env"]), "GITHUB_REPOSITORY": self.github["repository"],
                    "GITHUB_EVENT_NAME": self.event, "GITHUB_WORKSPACE": str(workspace),
                    "GITHUB_REF": self.github["ref"], "GITHUB_BASE_REF": self.github["base_ref"]})
                code, output = self.bash(step["run"], workspace, environ)
                outputs = dict(line.split("=", 1) for line in files["output"].read_text().splitlines() if "=" in line)
                summary = files["summary"].read_text()
            result.steps.append(Step(name, code, output, summary, outputs))
            if "id" in step:
                steps_context[step["id"]] = {"outcome": "success" if code == 0 else "failure", "outputs": outputs}
            if code and not step.get("continue-on-error"):
                ok = False
        return result

    def action(self, step: dict[str, Any], workspace: Path) -> tuple[int, str]:
        """What an action needs to find, checked; what it does on GitHub's side, left out."""
        action, _, pin = step["uses"].partition("@")
        inputs = step.get("with", {})
        assert re.fullmatch(r"[0-9a-f]{40}", pin), f"{action} is not pinned by commit"
        if action == "actions/checkout":
            assert str(inputs.get("persist-credentials")).lower() == "false"
            return 0, "checked out"
        if action in ("actions/upload-artifact", "actions/upload-pages-artifact"):
            paths = [p for p in str(inputs["path"]).split() if p]
            found = [p for p in paths if (workspace / p).exists()]
            if not found and inputs.get("if-no-files-found") != "ignore":
                return 1, f"no files at {paths}"
            return 0, f"would upload {found}"
        if action == "github/codeql-action/upload-sarif":
            return (0, "would upload") if (workspace / inputs["sarif_file"]).is_file() else (1, "no SARIF file")
        return 0, f"{action}: runs on GitHub only"


# --- GitLab CI ------------------------------------------------------------------------------------

def gitlab_rule(expression: str, variables: dict[str, str]) -> bool:
    tokens = re.findall(r'"[^"]*"|\|\||&&|==|!=|\(|\)|\$\w+', expression)
    python = []
    for token in tokens:
        if token.startswith("$"):
            python.append(repr(variables.get(token[1:], "")))
        elif token.startswith('"'):
            python.append(repr(token[1:-1]))
        else:
            python.append({"||": " or ", "&&": " and "}.get(token, f" {token} "))
    return bool(eval("".join(python), {"__builtins__": {}}))  # built from the tokens above only


def gitlab_rules(rules: list[dict[str, Any]] | None, variables: dict[str, str]) -> bool:
    if rules is None:
        return True
    for rule in rules:
        if "if" not in rule or gitlab_rule(rule["if"], variables):
            return rule.get("when", "on_success") != "never"
    return False


class GitLab(Runner):
    def __init__(self, *args: Any, pipeline: Path, variables: dict[str, str], ref: str) -> None:
        super().__init__(*args)
        self.pipeline = yaml.safe_load(pipeline.read_text(encoding="utf-8"))
        self.variables = {"CI_DEFAULT_BRANCH": "main", "CI_API_V4_URL": "https://gitlab.example.com/api/v4",
                          "CI_PROJECT_ID": "42", "ISODOCS_GITLAB_TOKEN": "project-token", **variables}
        self.ref = ref

    def runs(self) -> bool:
        return gitlab_rules(self.pipeline["workflow"]["rules"], self.variables)

    def jobs(self, only: tuple[str, ...] = ()) -> dict[str, Job]:
        results: dict[str, Job] = {}
        hidden = {"workflow", "stages", "variables", "default", "include"}
        for stage in self.pipeline["stages"]:
            for name, job in self.pipeline.items():
                if name in hidden or not isinstance(job, dict) or job.get("stage", "test") != stage:
                    continue
                if only and name not in only:
                    continue
                needs = job.get("needs", [])
                ready = all(results.get(n) and results[n].ran and results[n].code == 0 for n in needs)
                if not ready or not gitlab_rules(job.get("rules"), self.variables):
                    results[name] = Job(name, ran=False)
                    continue
                results[name] = self.job(name, job, [results[n] for n in needs])
        return results

    def job(self, name: str, job: dict[str, Any], needed: list[Job]) -> Job:
        workspace = self.clone(f"gl-{name}", self.ref)
        for earlier in needed:   # `needs` brings the artifacts of the jobs it names
            for path in self.pipeline[earlier.name].get("artifacts", {}).get("paths", []):
                source = earlier.workspace / path
                if source.is_dir():
                    shutil.copytree(source, workspace / path, dirs_exist_ok=True)
                elif source.is_file():
                    shutil.copy2(source, workspace / path)
        default = self.pipeline.get("default", {})
        before = job.get("before_script", default.get("before_script", []))
        lines = [*before, *job["script"]]
        variables = {**{k: str(v) for k, v in self.pipeline.get("variables", {}).items()}, **self.variables,
                     "CI_PROJECT_DIR": str(workspace)}
        variables = {k: re.sub(r"\$(\w+)", lambda m: variables.get(m.group(1), m.group(0)), v)
                     for k, v in variables.items()}
        code, output = self.bash("\n".join(lines) + "\n", workspace, self.environ(workspace, variables))
        result = Job(name, ran=True, workspace=workspace, steps=[Step(name, code, output)])
        artifacts = job.get("artifacts", {})
        if code == 0 or artifacts.get("when") in ("always", "on_failure"):
            reports = artifacts.get("reports", {})
            present = {k: (workspace / v).is_file() for k, v in reports.items()}
            result.steps.append(Step("reports", 0, json.dumps(present)))
        return result
