"""A stateful property test: random edits, approvals, reviews, reverts, renames, deletions, re-additions,
branches and merges applied to a real git repository, with `isodocs check` asked after every step whether
the text in force is the approved one, against a simple model of what was approved."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import count
from pathlib import Path

import git
import pytest
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from isodocs import checks
from isodocs.git import history
from isodocs.model.repository import Repository

TODAY = date(2026, 6, 1)
PATHS = ("docs/policy.md", "docs/policies/policy.md")
WORDS = ("alpha", "beta", "gamma")
ENV = {**os.environ, "GIT_AUTHOR_NAME": "Sam Lee", "GIT_AUTHOR_EMAIL": "sam@example.com",
       "GIT_COMMITTER_NAME": "Sam Lee", "GIT_COMMITTER_EMAIL": "sam@example.com", "GIT_CONFIG_GLOBAL": "/dev/null",
       "GIT_CONFIG_NOSYSTEM": "1"}
CONFIG = """organization: Model Ltd
standards: [iso14001-2015]
roles:
  ceo: {name: Alex Morgan}
  ciso: {name: Sam Lee}
"""
LIVES = count(1)
CHECKED: list[bool] = []  # the starter's first commit has been checked


@dataclass(frozen=True)
class State:
    """The document as one commit leaves it, and what its current life has approved (version -> text)."""

    exists: bool
    path: str
    version: int
    text: str
    reviewed: int
    life: int
    approved: tuple[tuple[int, str], ...] = ()
    merge: bool = False   # the commit that made this state is a merge

    @property
    def file(self) -> tuple[object, ...]:
        """What git holds: nothing at all for a deleted document."""
        return (self.exists, self.path, self.version, self.text, self.reviewed) if self.exists else (False,)

    def settled(self, before: State) -> State:
        """A commit that gives the document a version its current life has not had approves its text: that
        is all an approval is in git (`isodocs approve` writes the version and the date)."""
        if self.exists and before.exists and self.life == before.life and self.version != before.version \
                and self.version not in dict(self.approved):
            return replace(self, approved=(*self.approved, (self.version, self.text)))
        return self

    @property
    def changed(self) -> bool:
        """What `check` must say: the text in force is not the one approved for its version in this life."""
        return self.exists and dict(self.approved).get(self.version) != self.text


def render(state: State) -> str:
    # The version, the review stamp and the text sit on lines far apart, so that git merges them apart.
    return (f"---\nid: POL-001\ntitle: Policy\ntype: policy\nowner: ciso\napprover: ceo\nstatus: approved\n"
            f'version: "1.{state.version}"\napproved: 2026-01-01\nclassification: internal\nclauses: {{}}\n'
            f"review_interval: 12 months\nlast_reviewed: 2026-01-{state.reviewed:02d}\nreviewed_by: ciso\n---\n"
            f"# Policy\n\nThis policy says what the organization does.\n\nIt is kept short.\n\n"
            f"Text: {state.text}\n\nIt ends here.\n\nEnd.\n")


@dataclass
class Branch:
    states: list[State] = field(default_factory=list)

    @property
    def tip(self) -> State:
        return self.states[-1]


FIRST = State(True, PATHS[0], 0, "alpha", 1, 0, ((0, "alpha"),))  # imported as approved
STARTER: list[Path] = []


def starter() -> Path:
    """The first commit, made once and copied for every sequence (git init costs more than a copy)."""
    if not STARTER:
        root = Path(tempfile.mkdtemp(prefix="isodocs-model-starter-"))
        (root / "docs" / "policies").mkdir(parents=True)
        (root / "isodocs.yml").write_text(CONFIG)
        (root / "docs" / "index.md").write_text("# Home\n")  # the docs folder stays when the policy goes
        (root / FIRST.path).write_text(render(FIRST))
        # No sample hooks, and the objects in one pack: each sequence's copy is a few files, not fifty.
        for args in (["init", "-q", "--template=", "-b", "main"], ["add", "-A"],
                     ["commit", "-q", "-m", "Initial document set"], ["repack", "-adq"], ["prune"]):
            subprocess.run(["git", "-C", str(root), *args], check=True, env=ENV, capture_output=True)
        STARTER.append(root)
    return STARTER[0]


class Approvals(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="isodocs-model-")) / "repository"
        shutil.copytree(starter(), self.root, symlinks=True)
        first = replace(FIRST, life=next(LIVES))
        self.branches = {"main": Branch([first])}
        self.current = "main"
        self.base: State | None = None     # main's tip when the side branch was made
        self.main_length = 0               # main's commits then
        self.versions = count(1)
        self.checked: tuple[str, str] | None = None  # where check_agrees last asked

    def where(self) -> tuple[str, str]:
        """The branch checked out and its commit, read by gitpython from the files (no git process)."""
        repo = git.Repo(self.root)
        return repo.active_branch.name, repo.head.commit.hexsha

    @property
    def fresh(self) -> bool:
        """Nothing done yet: the repository is the starter's copy."""
        return len(self.branches) == 1 and len(self.branches["main"].states) == 1

    def teardown(self) -> None:
        shutil.rmtree(self.root.parent, ignore_errors=True)

    def git(self, *args: str) -> None:
        subprocess.run(["git", "-C", str(self.root), *args], check=True, env=ENV, capture_output=True)

    def commit(self, message: str, new: str | None = None) -> None:
        if new is not None:
            self.git("add", new)
        self.git("commit", "-q", "-a", "-m", message)

    def write(self, state: State) -> None:
        for path in PATHS:
            (self.root / path).unlink(missing_ok=True)
        if state.exists:
            (self.root / state.path).write_text(render(state))

    @property
    def tip(self) -> State:
        return self.branches[self.current].tip

    def record(self, state: State, message: str) -> None:
        if state.file == self.tip.file:
            return  # nothing to commit
        old = self.tip
        (self.root / state.path).parent.mkdir(exist_ok=True)  # git drops folders it empties
        if old.exists and state.exists and old.path != state.path:
            self.git("mv", old.path, state.path)
        self.write(state)
        self.commit(message, new=state.path if state.exists and not old.exists else None)
        self.branches[self.current].states.append(state.settled(old))

    @precondition(lambda self: self.tip.exists)
    @rule(text=st.sampled_from(WORDS))
    def edit(self, text: str) -> None:
        self.record(replace(self.tip, text=text, merge=False), f"Edit: {text}")

    @precondition(lambda self: self.tip.exists)
    @rule()
    def approve(self) -> None:
        tip = self.tip
        version = next(self.versions)
        self.record(replace(tip, version=version, merge=False), f"Approve 1.{version}")

    @precondition(lambda self: self.tip.exists)
    @rule(day=st.integers(1, 28))
    def review(self, day: int) -> None:
        self.record(replace(self.tip, reviewed=day, merge=False), f"Review on day {day}")

    @precondition(lambda self: self.tip.exists)
    @rule()
    def rename(self) -> None:
        tip = self.tip
        self.record(replace(tip, path=PATHS[1 - PATHS.index(tip.path)], merge=False), "Rename")

    @precondition(lambda self: self.tip.exists)
    @rule()
    def delete(self) -> None:
        self.record(replace(self.tip, exists=False, approved=(), merge=False), "Delete")

    @precondition(lambda self: not self.tip.exists)
    @rule(text=st.sampled_from(WORDS))
    def add_again(self, text: str) -> None:
        self.record(replace(self.tip, exists=True, text=text, life=next(LIVES), approved=(), merge=False),
                    "Add again")

    @precondition(lambda self: len(self.branches[self.current].states) > 1
                  and self.branches[self.current].states[-2].file != self.tip.file)  # git reverts no empty commit
    @rule()
    def revert(self) -> None:
        """`git revert HEAD`: the file as the commit before it left it; approvals made stay in history."""
        states = self.branches[self.current].states
        tip, before = states[-1], states[-2]
        self.git("revert", "--no-edit", *(["-m", "1"] if tip.merge else []), "HEAD")
        if before.exists != tip.exists:  # deleted, or added back: a new life
            state = replace(before, life=next(LIVES), approved=(), merge=False)
        else:
            state = replace(before, life=tip.life, approved=tip.approved, merge=False).settled(tip)
        states.append(state)

    @precondition(lambda self: "side" not in self.branches)
    @rule()
    def branch(self) -> None:
        self.git("checkout", "-q", "-b", "side")
        self.branches["side"] = Branch(list(self.branches["main"].states))
        self.base, self.main_length = self.tip, len(self.branches["main"].states)
        self.current = "side"

    @precondition(lambda self: "side" in self.branches)
    @rule()
    def switch(self) -> None:
        self.current = "main" if self.current == "side" else "side"
        self.git("checkout", "-q", self.current)

    def merged(self) -> State | None:
        """What merging the side branch into main gives, or None when the model does not follow it (both
        sides moved the document between lives or paths)."""
        base, main, side = self.base, self.branches["main"].tip, self.branches["side"].tip
        assert base is not None
        if len(self.branches["main"].states) == self.main_length:
            return side
        if not (base.exists and main.exists and side.exists and base.path == main.path == side.path
                and base.life == main.life == side.life):
            return None

        def pick(name: str) -> object:
            old, ours, theirs = getattr(base, name), getattr(main, name), getattr(side, name)
            return theirs if ours == old or (ours != theirs and theirs != old) else ours

        approved = tuple(dict.fromkeys((*main.approved, *side.approved)))
        return replace(main, version=pick("version"), text=pick("text"), reviewed=pick("reviewed"),
                       approved=approved)

    @precondition(lambda self: "side" in self.branches and len(self.branches["side"].states) > self.main_length)
    @rule()
    def merge(self) -> None:
        state = self.merged()
        if state is None:
            return
        if self.current != "main":
            self.git("checkout", "-q", "main")
            self.current = "main"
        self.git("merge", "-q", "--no-ff", "-X", "theirs", "-m", "Merge side", "side")
        self.git("branch", "-q", "-D", "side")
        del self.branches["side"]
        self.branches["main"].states.append(replace(state, merge=True).settled(self.branches["main"].tip))
        assert (self.root / state.path).read_text() == render(state) if state.exists else True

    @invariant()
    def check_agrees(self) -> None:
        if self.fresh and CHECKED:  # the copy of the starter, checked once already: the same commit, the same answer
            return
        CHECKED.append(True)
        where = self.where()
        if where == self.checked:  # the step changed nothing (no commit, no other branch): the same answer
            return
        self.checked = where
        tip = self.tip
        # The documents read afresh each step; the history read on top of its cache, as a CI runner does.
        read = history.read(self.root, "docs")
        report = checks.run(Repository.load(self.root, cache=False), TODAY, read)
        flagged = {f.path for f in report.findings if f.rule == "changed-since-approval"}
        assert (tip.path in flagged) == tip.changed, (tip, sorted(flagged))
        assert not [f for f in report.findings if f.rule in ("history-missing", "history-skipped")]
        if tip.exists:  # the handbook's revision history names the approval in force, and every one of this life
            approving = read.approving(tip.path)
            origin = read.approvals([tip.path])[tip.path].origin
            assert origin is None or origin in approving, (tip, origin, approving)
            assert {f"1.{v}" for v, _ in tip.approved} <= {r.version for r in approving}, (tip, approving)


def run(examples: int, steps: int) -> None:
    run_state_machine_as_test(Approvals, settings=settings(
        max_examples=examples, stateful_step_count=steps, deadline=None, derandomize=True, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))


def replay(*steps: str) -> None:
    """One sequence, step by step, `check` asked after each (sequences the random search once found)."""
    machine = Approvals()
    try:
        machine.check_agrees()
        for step in steps:
            name, _, argument = step.partition(":")
            getattr(machine, name)(*([argument] if argument else []))
            machine.check_agrees()
    finally:
        machine.teardown()


def test_sequences_found_before():
    replay("branch", *["approve"] * 5, "delete", "revert", "edit:alpha", "merge")
    replay("delete", "branch", "revert", "merge", "approve", "revert")
    replay("branch", "approve", "revert", "merge")
    replay("delete", "branch", "revert", "approve", "delete", "merge", "add_again:beta")


def test_check_agrees_with_the_model_of_approvals():
    run(examples=300, steps=4)


@pytest.mark.slow
def test_check_agrees_with_the_model_of_approvals_over_longer_histories():
    run(examples=1500, steps=14)
