"""The generated pipelines, for real: valid for their code host, free of high-severity workflow
findings, and their steps run by bash on a scaffolded repository, clean and broken (see
pipeline_harness.py for what stands in for the code hosts)."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import git
import pytest
from conftest import commit_all
from distribution import environment
from pipeline_harness import GitHub, GitLab
from scaffold import scaffold

BIN = Path(sys.executable).parent


def offline() -> list[str]:
    """A command prefix that runs without any network (a new network namespace), where the machine allows it."""
    try:
        works = subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0
    except FileNotFoundError:
        works = False
    return ["unshare", "-rn"] if works else []
OPTIONS = {"github": ("--code-scanning", "--deploy-handbook"), "gitlab": ("--deploy-handbook",)}


def generated(tmp_path: Path, ci: str, *options: str, language: str = "en") -> Path:
    return scaffold(tmp_path / f"{ci}-repo", "iso27001-2022", organization="Acme Ltd",
                    extra=("--ci", ci, "--isodocs-source", "index", "--language", language, *options))


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("ci, options", [("github", ()), ("github", OPTIONS["github"]), ("gitlab", ()),
                                         ("gitlab", OPTIONS["gitlab"])])
def test_generated_pipelines_validate_against_the_code_hosts_schemas(tmp_path: Path, ci: str, options: tuple,
                                                                     language: str):
    root = generated(tmp_path, ci, *options, language=language)
    files = {"github": [(".github/workflows/isodocs.yml", "vendor.github-workflows"),
                        (".github/dependabot.yml", "vendor.dependabot")],
             "gitlab": [(".gitlab-ci.yml", "vendor.gitlab-ci")]}[ci]
    for path, schema in files:
        command = [*offline(), str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(root / path)]
        result = subprocess.run(command, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("options", [(), OPTIONS["github"]])
def test_zizmor_finds_nothing_in_the_generated_workflow(tmp_path: Path, options: tuple, language: str):
    root = generated(tmp_path, "github", *options, language=language)
    result = subprocess.run([*offline(), str(BIN / "zizmor"), "--offline", "--persona", "pedantic", "--format", "json",
                             str(root / ".github" / "workflows" / "isodocs.yml")], capture_output=True, text=True)
    assert json.loads(result.stdout) == [], result.stdout


def test_the_release_workflow_is_valid_and_zizmor_finds_nothing():
    release = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "release.yml"
    valid = subprocess.run([*offline(), str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                            str(release)], capture_output=True, text=True)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    result = subprocess.run([*offline(), str(BIN / "zizmor"), "--offline", "--format", "json", str(release)],
                            capture_output=True, text=True)
    assert json.loads(result.stdout) == [], result.stdout
    text = release.read_text(encoding="utf-8")
    assert "tags: [\"v*\"]" in text and "id-token: write" in text and "pypa/gh-action-pypi-publish@" in text


def assert_pdfs_published(workspace: Path, calls: list[dict]) -> None:
    """The handbook job installs what WeasyPrint needs and leaves the controlled copies in the site."""
    installs = [c["args"] for c in calls if c["tool"] in ("apt-get", "sudo") and "install" in c["args"]]
    assert installs and {"libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core"} <= set(installs[0])
    assert (workspace / "site" / "pdf" / "manual.pdf").read_bytes().startswith(b"%PDF-")
    assert (workspace / "site" / "pdf" / "POL-IS-004.pdf").read_bytes().startswith(b"%PDF-")


def break_a_document(root: Path) -> None:
    """An error the check must fail on: a document marked approved with no approval date."""
    path = next(p for p in sorted((root / "docs").rglob("*.md"))
                if "\nstatus: draft\n" in p.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8").replace("\nstatus: draft\n", "\nstatus: approved\n", 1),
                    encoding="utf-8")


def edit_a_document(root: Path) -> None:
    path = next(p for p in sorted((root / "docs").rglob("*.md"))
                if "\nstatus: draft\n" in p.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more sentence of the draft.\n", encoding="utf-8")


@pytest.fixture(scope="module")
def harness_env(tmp_path_factory: pytest.TempPathFactory, dependencies: Path) -> Path:
    """One fresh environment per module; each job's install step installs isodocs into it from the wheel."""
    return environment(tmp_path_factory.mktemp("pipeline-env") / "env", dependencies)


def origin_with_change(tmp_path: Path, ci: str, broken: bool) -> Path:
    root = generated(tmp_path, ci, *OPTIONS[ci])
    origin = tmp_path / "origin.git"
    git.Repo.clone_from(root, origin, bare=True)
    repo = git.Repo(root)
    repo.git.checkout("-b", "change")
    (break_a_document if broken else edit_a_document)(root)
    commit_all(repo, "A change to review")
    repo.git.push(str(origin), "change")
    return origin


@pytest.mark.parametrize("broken", [False, True], ids=["clean", "broken"])
def test_github_pull_request_run(tmp_path: Path, dist, harness_env: Path, broken: bool):
    origin = origin_with_change(tmp_path, "github", broken)
    workflow_source = tmp_path / "github-repo" / ".github" / "workflows" / "isodocs.yml"
    runner = GitHub(origin, tmp_path / "run", harness_env, dist.folder, workflow=workflow_source,
                    event="pull_request", ref="change", base="main")
    jobs = runner.jobs()
    assert {name for name, job in jobs.items() if job.ran} == {"check", "pull-request-summary", "handbook",
                                                                 "code-scanning"}
    assert not jobs["deploy-handbook"].ran and not jobs["upkeep"].ran

    check = jobs["check"]
    install = check.step("Install isodocs")
    assert install.code == 0, install.output
    assert (harness_env / "isodocs").is_file()       # installed by that step from the wheel, not found elsewhere
    step = check.step("Check the document set")
    assert step.code == (1 if broken else 0), step.output
    assert step.outputs["exit-code"] == ("1" if broken else "0")
    assert step.summary.startswith("## isodocs check")                      # the job summary, both ways
    annotations = [line for line in step.output.splitlines() if line.startswith("::")]
    kinds = {line.split(" ", 1)[0] for line in annotations}
    assert ("::error" in kinds) == broken and "::warning" in kinds
    assert sum(1 for line in annotations if line.startswith("::warning")) <= 10
    assert "errors," in step.output                                          # the human report in the log
    assert check.step("CODEOWNERS").code == 0                                 # runs after a failed check too
    assert check.step("Keep the reports").code == 0
    assert (json.loads((check.workspace / "isodocs-report.json").read_text())["summary"]["errors"] > 0) == broken

    summary = jobs["pull-request-summary"]
    diff = summary.step("Summarize")
    assert diff.code == 0, diff.output
    body = (summary.workspace / "isodocs-comment.md").read_text()
    assert body.startswith("<!-- isodocs pull-request summary -->") and diff.summary == body
    posted = [c for c in runner.calls() if c["tool"] == "gh" and "POST" in c["args"]]
    assert len(posted) == 1 and posted[0]["files"]["body"] == body
    assert any(a.endswith("/issues/7/comments") for a in posted[0]["args"])
    assert summary.step("Fail when").code == int(diff.outputs["exit-code"])
    # A later run finds its comment by the marker and edits it: still one comment.
    runner.extra["HARNESS_EXISTING"] = "555"
    again = runner.jobs(only=("pull-request-summary",))["pull-request-summary"]
    assert again.step("Post the summary").code == 0
    edits = [c for c in runner.calls() if c["tool"] == "gh" and "PATCH" in c["args"]]
    assert len(edits) == 1 and "repos/acme/compliance/issues/comments/555" in edits[0]["args"]
    assert len([c for c in runner.calls() if c["tool"] == "gh" and "POST" in c["args"]]) == 1

    handbook = jobs["handbook"]
    assert [s.code for s in handbook.steps if s.code is not None] == [0] * len([s for s in handbook.steps
                                                                               if s.code is not None])
    assert (handbook.workspace / "site" / "index.html").is_file()
    assert (handbook.workspace / "site" / "tasks.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert_pdfs_published(handbook.workspace, runner.calls())
    assert handbook.step("Hand the handbook to GitHub Pages").code is None  # not from a pull request
    scanning = jobs["code-scanning"]
    assert scanning.step("Upload to code scanning").code == 0 and (scanning.workspace / "isodocs.sarif").is_file()


@pytest.mark.slow
def test_github_push_to_main_deploys_the_handbook_after_the_scan(tmp_path: Path, dist, harness_env: Path):
    origin = origin_with_change(tmp_path, "github", broken=False)
    workflow_source = tmp_path / "github-repo" / ".github" / "workflows" / "isodocs.yml"
    runner = GitHub(origin, tmp_path / "run", harness_env, dist.folder, workflow=workflow_source, event="push",
                    ref="main")
    jobs = runner.jobs()
    assert {name for name, job in jobs.items() if job.ran} == {"check", "handbook", "deploy-handbook",
                                                                 "code-scanning"}
    assert jobs["handbook"].step("Hand the handbook to GitHub Pages").code == 0
    assert jobs["deploy-handbook"].code == 0


@pytest.mark.parametrize("broken", [False, True], ids=["clean", "broken"])
def test_gitlab_merge_request_pipeline(tmp_path: Path, dist, harness_env: Path, broken: bool):
    origin = origin_with_change(tmp_path, "gitlab", broken)
    pipeline = tmp_path / "gitlab-repo" / ".gitlab-ci.yml"
    runner = GitLab(origin, tmp_path / "run", harness_env, dist.folder, pipeline=pipeline, ref="change", variables={
        "CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
        "CI_MERGE_REQUEST_IID": "3", "CI_COMMIT_REF_NAME": "change"})
    assert runner.runs()
    jobs = runner.jobs()
    assert {name for name, job in jobs.items() if job.ran} == {"isodocs-check", "isodocs-merge-request", "handbook"}

    check = jobs["isodocs-check"]
    assert check.code == (1 if broken else 0), check.steps[0].output
    log = check.steps[0].output
    assert "errors," in log                                                    # the human report, always printed
    assert json.loads(check.steps[1].output) == {"codequality": True, "junit": True}
    quality = json.loads((check.workspace / "gl-code-quality-report.json").read_text())
    assert any(issue["severity"] == "major" for issue in quality) == broken
    junit = ET.parse(check.workspace / "isodocs-junit.xml").getroot()
    assert (int(junit.get("failures")) > 0) == broken

    note = jobs["isodocs-merge-request"]
    body = (note.workspace / "isodocs-comment.md").read_text()
    assert body.startswith("<!-- isodocs merge-request summary -->")
    posted = [c for c in runner.calls() if c["tool"] == "curl" and "POST" in c["args"]]
    assert len(posted) == 1 and posted[0]["files"]["body"] == body
    assert posted[0]["args"][-1].endswith("/projects/42/merge_requests/3/notes")
    runner.extra["HARNESS_EXISTING"] = "555"
    assert runner.jobs(only=("isodocs-merge-request",))["isodocs-merge-request"].code == note.code
    edits = [c for c in runner.calls() if c["tool"] == "curl" and "PUT" in c["args"]]
    assert len(edits) == 1 and edits[0]["args"][-1].endswith("/merge_requests/3/notes/555")

    assert jobs["handbook"].code == 0 and (jobs["handbook"].workspace / "site" / "index.html").is_file()
    assert (jobs["handbook"].workspace / "site" / "tasks.ics").is_file()
    assert_pdfs_published(jobs["handbook"].workspace, runner.calls())
    assert not jobs["pages"].ran                                               # never from a merge request


@pytest.mark.slow
def test_gitlab_default_branch_pipeline_publishes_pages_after_the_scan(tmp_path: Path, dist, harness_env: Path):
    origin = origin_with_change(tmp_path, "gitlab", broken=False)
    pipeline = tmp_path / "gitlab-repo" / ".gitlab-ci.yml"
    variables = {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main", "CI_COMMIT_REF_NAME": "main"}
    runner = GitLab(origin, tmp_path / "run", harness_env, dist.folder, pipeline=pipeline, ref="main",
                    variables=variables)
    assert runner.runs()
    jobs = runner.jobs()
    assert {name for name, job in jobs.items() if job.ran} == {"isodocs-check", "handbook", "pages"}
    assert jobs["pages"].code == 0 and (jobs["pages"].workspace / "public" / "index.html").is_file()
    # A push to a branch with an open merge request runs only the merge-request pipeline.
    assert not GitLab(origin, tmp_path / "run2", harness_env, dist.folder, pipeline=pipeline, ref="change",
                      variables={"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "change",
                                 "CI_OPEN_MERGE_REQUESTS": "acme/compliance!3"}).runs()


def test_a_russian_gitlab_pipeline_runs_its_russian_jobs_and_pages_takes_the_handbook_s_site(tmp_path: Path, dist,
                                                                                              harness_env: Path):
    """The Russian pipeline's jobs and stages have Russian names, and `pages` finds the handbook's job by its name."""
    root = generated(tmp_path, "gitlab", *OPTIONS["gitlab"], language="ru")
    origin = tmp_path / "origin.git"
    git.Repo.clone_from(root, origin, bare=True)
    variables = {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main", "CI_COMMIT_REF_NAME": "main"}
    runner = GitLab(origin, tmp_path / "run", harness_env, dist.folder, pipeline=root / ".gitlab-ci.yml", ref="main",
                    variables=variables)
    assert runner.runs() and runner.pipeline["stages"] == ["проверка", "сборка", "публикация"]
    jobs = runner.jobs()
    assert {name for name, job in jobs.items() if job.ran} == {"проверка документов", "справочник", "pages"}
    assert all(jobs[name].code == 0 for name in ("проверка документов", "справочник", "pages")), {
        name: job.steps[0].output[-2000:] for name, job in jobs.items() if job.ran and job.code}
    assert (jobs["pages"].workspace / "public" / "index.html").is_file()
    assert "предупреждений" in jobs["проверка документов"].steps[0].output   # the report, in Russian


def test_github_weekly_run_keeps_one_issue_of_what_is_due(tmp_path: Path, dist, harness_env: Path):
    origin = origin_with_change(tmp_path, "github", broken=False)
    workflow_source = tmp_path / "github-repo" / ".github" / "workflows" / "isodocs.yml"
    runner = GitHub(origin, tmp_path / "run", harness_env, dist.folder, workflow=workflow_source, event="schedule",
                    ref="main")
    assert runner.plan() == {"check", "handbook", "upkeep", "code-scanning", "deploy-handbook"}  # dates republished
    upkeep = runner.jobs(only=("upkeep",))["upkeep"]
    listed = upkeep.step("List what is due")
    assert listed.code == 0, listed.output
    body = (upkeep.workspace / "isodocs-tasks.md").read_text()
    assert body.startswith("## isodocs: what is due") and listed.summary == body
    assert "Hold the first management review" in body                      # a new repository has held none
    assert int(listed.outputs["count"]) >= 1
    assert upkeep.step("Open, update or close").code == 0
    created = [c for c in runner.calls() if c["tool"] == "gh" and c["args"][:2] == ["issue", "create"]]
    assert len(created) == 1 and created[0]["files"]["body"] == body
    assert created[0]["args"][created[0]["args"].index("--title") + 1] == "isodocs: what is due"
    # The next week the issue is there: it is updated, not opened again.
    runner.extra["HARNESS_EXISTING"] = "555"
    assert runner.jobs(only=("upkeep",))["upkeep"].code == 0
    edited = [c for c in runner.calls() if c["tool"] == "gh" and c["args"][:3] == ["issue", "edit", "555"]]
    assert len(edited) == 1 and edited[0]["files"]["body"] == body
    assert len([c for c in runner.calls() if c["args"][:2] == ["issue", "create"]]) == 1


def test_github_weekly_run_closes_the_issue_when_nothing_is_due(tmp_path: Path, dist, harness_env: Path):
    from datetime import date

    from scaffold import approve_everything
    root = generated(tmp_path, "github")
    approve_everything(root, date.today().isoformat())      # the run's own day: `tasks` has no --today there
    commit_all(git.Repo(root), "Everything approved, the management review held")
    origin = tmp_path / "origin.git"
    git.Repo.clone_from(root, origin, bare=True)
    runner = GitHub(origin, tmp_path / "run", harness_env, dist.folder, event="schedule", ref="main",
                    workflow=root / ".github" / "workflows" / "isodocs.yml")
    runner.extra["HARNESS_EXISTING"] = "555"
    upkeep = runner.jobs(only=("upkeep",))["upkeep"]
    assert upkeep.step("List what is due").outputs["count"] == "0"
    assert "Nothing is due" in (upkeep.workspace / "isodocs-tasks.md").read_text()
    assert upkeep.code == 0
    assert [c["args"][:3] for c in runner.calls() if c["args"][0] == "issue" and c["args"][1] != "list"] == [
        ["issue", "close", "555"]]


@pytest.mark.slow
def test_gitlab_scheduled_pipeline_keeps_one_issue_of_what_is_due(tmp_path: Path, dist, harness_env: Path):
    origin = origin_with_change(tmp_path, "gitlab", broken=False)
    pipeline = tmp_path / "gitlab-repo" / ".gitlab-ci.yml"
    runner = GitLab(origin, tmp_path / "run", harness_env, dist.folder, pipeline=pipeline, ref="main", variables={
        "CI_PIPELINE_SOURCE": "schedule", "CI_COMMIT_BRANCH": "main", "CI_COMMIT_REF_NAME": "main"})
    assert runner.runs()
    jobs = runner.jobs()
    assert jobs["upkeep"].ran and jobs["upkeep"].code == 0, jobs["upkeep"].steps[0].output
    body = (jobs["upkeep"].workspace / "isodocs-tasks.md").read_text()
    created = [c for c in runner.calls() if c["tool"] == "curl" and "POST" in c["args"]]
    assert len(created) == 1 and created[0]["files"]["description"] == body
    assert created[0]["args"][-1].endswith("/projects/42/issues")


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("options", [(), OPTIONS["github"]])
def test_the_github_workflow_follows_current_practice(tmp_path: Path, options: tuple, language: str):
    import re

    import yaml
    path = generated(tmp_path, "github", *options, language=language) / ".github" / "workflows" / "isodocs.yml"
    text = path.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow[True]                     # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    assert triggers["push"] == {"branches": ["main"]} and triggers["schedule"][0]["cron"]
    assert workflow["permissions"] == {} and "group" in workflow["concurrency"]
    for line in (line for line in text.splitlines() if "uses:" in line):
        assert re.search(r"uses: [\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line
    for job_id, job in workflow["jobs"].items():
        assert job["permissions"] and "write-all" not in str(job["permissions"]), job_id
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), (job_id, step)
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
            if step.get("uses", "").startswith("actions/setup-python@"):
                assert step["with"]["cache-dependency-path"] == "requirements-isodocs.txt"
    for job_id in ("check", "pull-request-summary", "handbook"):
        checkout = workflow["jobs"][job_id]["steps"][0]
        assert checkout["with"]["fetch-depth"] == 0, job_id
    assert "needs" not in workflow["jobs"]["pull-request-summary"]   # it runs however the check ends
    writes = {job_id for job_id, job in workflow["jobs"].items() if "write" in str(job["permissions"])}
    assert writes == {"pull-request-summary", "upkeep"} | ({"code-scanning", "deploy-handbook"} if options else set())
    if options:
        assert workflow["jobs"]["code-scanning"]["continue-on-error"] is True
        assert workflow["jobs"]["deploy-handbook"]["needs"] == "handbook"
    else:
        assert "upload-sarif" not in text and "deploy-pages" not in text


@pytest.mark.parametrize("language, step_name, said", [
    ("en", "Check the document set", "could not check this repository (exit code 2)"),
    ("ru", "Проверить набор документов", "не смог проверить репозиторий (код выхода 2)")], ids=["en", "ru"])
def test_github_check_on_an_unusable_repository_fails_closed_and_says_so(tmp_path: Path, dist, harness_env: Path,
                                                                         language: str, step_name: str, said: str):
    root = generated(tmp_path, "github", language=language)
    (root / "isodocs.yml").write_text("organization: [unclosed\n", encoding="utf-8")
    commit_all(git.Repo(root), "A broken isodocs.yml")
    origin = tmp_path / "origin.git"
    git.Repo.clone_from(root, origin, bare=True)
    runner = GitHub(origin, tmp_path / "run", harness_env, dist.folder, event="push", ref="main",
                    workflow=root / ".github" / "workflows" / "isodocs.yml")
    check = runner.jobs(only=("check",))["check"]
    step = check.step(step_name)
    assert step.code == 2 and step.outputs["exit-code"] == "2"
    assert said in step.summary
    assert "isodocs.yml:2: did not find expected" in step.output and "Traceback" not in step.output
