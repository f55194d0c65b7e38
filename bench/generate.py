"""Synthetic compliance repositories for the benchmarks: N documents across the five catalogs.

    python bench/generate.py OUT --documents 10000 [--commits 10000] [--folder-size 3000]

Each document has a realistic ten-to-twelve-key header mapping it to clauses of one or two
standards, and a body of a few paragraphs with links; one register holds the Statement of
Applicability of 27001 and 42001. With --commits the repository gets a git history written through
`git fast-import` (one commit per change to one document: text edits, some approved in the same
commit, review stamps, new owners, renames), so large histories take seconds. The documents of each type
are spread over 50 folders; with --folder-size they fill folders of that many instead (a records folder
of thousands, as the navigation's groups are measured on).
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from isodocs.model import catalog

TYPES = ["policy", "procedure", "plan", "record", "register", "form", "guideline"]
ROLES = ["ceo", "ciso", "quality", "hse", "ai-lead", "it", "hr"]
FOLDERS = ["policies", "procedures", "plans", "records", "registers", "forms", "guidelines"]
WORDS = ("the organization keeps records of each review and the owner checks that actions are closed on time "
         "access is granted on business need and removed when no longer needed suppliers are evaluated before "
         "the first order and every year after that incidents are reported to the security officer at once").split()


def paragraph(rng: random.Random, words: int = 60) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return "\n".join(text[i:i + 96] for i in range(0, len(text), 96))


def place(number: int, folder_size: int = 0) -> tuple[int, str]:
    """A document's type and folder: the types in turn, each type's documents spread over 50 folders; with a
    folder size, consecutive documents fill folders of that many, the folders taking the types in turn
    (`policies/00`, `procedures/00`, ..., `guidelines/00`, `policies/01`, ...)."""
    if folder_size:
        block = number // folder_size
        kind = block % len(TYPES)
        return kind, f"{FOLDERS[kind]}/{block // len(TYPES):02d}"
    kind = number % len(TYPES)
    return kind, f"{FOLDERS[kind]}/{number % 50:02d}"


def document(rng: random.Random, number: int, total: int, catalogs: dict[str, list[str]],
             folder_size: int = 0) -> tuple[str, str]:
    kind, folder = place(number, folder_size)
    doc_id = f"DOC-{number:06d}"
    chosen = rng.sample(sorted(catalogs), k=rng.choice((1, 2)))
    clauses = "\n".join(f"  {c}: [{', '.join(chr(34) + i + chr(34) for i in rng.sample(catalogs[c], 3))}]"
                        for c in chosen)
    reviewed = f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
    other = rng.randrange(total)
    other_path = f"../../{place(other, folder_size)[1]}/doc-{other:06d}.md"
    header = (f"---\nid: {doc_id}\ntitle: 'Synthetic document {number}'\ntype: {TYPES[kind]}\n"
              f"owner: {rng.choice(ROLES)}\napprover: ceo\nstatus: approved\nversion: \"1.{number % 7}\"\n"
              f"approved: {reviewed}\nlast_reviewed: {reviewed}\nreview_interval: 12 months\n"
              f"classification: internal\nclauses:\n{clauses}\n---\n")
    body = (f"# Synthetic document {number}\n\n## Purpose\n\n{paragraph(rng)}\n\n## Procedure\n\n"
            f"1. {paragraph(rng, 30)}\n2. {paragraph(rng, 30)}\n\nSee [the related document]({other_path}).\n")
    return f"docs/{folder}/doc-{number:06d}.md", header + body


def soa(catalogs: list[str]) -> str:
    lines = ["---", "id: SOA-000001", "title: Statement of Applicability", "type: register", "owner: ciso",
             "approver: ceo", "status: approved", 'version: "1.0"', "approved: 2026-06-01",
             "last_reviewed: 2026-06-01", "applicability:"]
    for catalog_id in catalogs:
        lines.append(f"  {catalog_id}:")
        lines += [f"    {c.id}: {{applicable: true, implementation: implemented, justification: Risk treatment}}"
                  for c in catalog.load(catalog_id).controls]
    return "\n".join([*lines, "---", "# Statement of Applicability", ""])


def generate(out: Path, documents: int, commits: int = 0, seed: int = 1, folder_size: int = 0) -> Path:
    rng = random.Random(seed)
    catalogs = {c: [e.id for e in catalog.load(c).entries.values()] for c in catalog.available()}
    files = {"isodocs.yml": config(), "docs/records/soa.md": soa(["iso27001-2022", "iso42001-2023"]),
             "docs/index.md": "# Synthetic management system\n"}
    for number in range(documents):
        path, text = document(rng, number, documents, catalogs, folder_size)
        files[path] = text
    out.mkdir(parents=True, exist_ok=True)
    if commits:
        _history(out, files, commits, rng)
    else:
        for path, text in files.items():
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            (out / path).write_text(text, encoding="utf-8")
    return out


def config() -> str:
    roles = "\n".join(f"  {role}: {{name: {role.upper()} lead, handle: '@synthetic/{role}'}}" for role in ROLES)
    standards = "\n".join(f"  - {c}" for c in catalog.available())
    return (f"organization: Synthetic Ltd\nstandards:\n{standards}\nstage: preparation\nroles:\n{roles}\n"
            "defaults: {review_interval: 12 months, due_soon: 30 days}\n")


def _history(out: Path, files: dict[str, str], commits: int, rng: random.Random) -> None:
    """The document set in a first commit, then `commits` changes to one random document each, as a
    management system sees them: text edits (some approved in the same commit, as a merged pull request
    would be), review stamps, new owners and a few renames; written through fast-import."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(out)], check=True)
    chunks: list[bytes] = []
    mark = 0

    def commit(message: str, changes: dict[str, str], when: int, renames: tuple[str, str] | None = None) -> None:
        nonlocal mark
        mark += 1
        data = message.encode()
        chunks.append(f"commit refs/heads/main\nmark :{mark}\n"
                      f"committer Bench <bench@example.com> {when} +0000\ndata {len(data)}\n".encode() + data + b"\n")
        if mark > 1:
            chunks.append(f"from :{mark - 1}\n".encode())
        if renames:
            chunks.append(f"R {renames[0]} {renames[1]}\n".encode())
        for path, text in changes.items():
            blob = text.encode()
            chunks.append(f"M 100644 inline {path}\ndata {len(blob)}\n".encode() + blob + b"\n")

    start = 1_767_225_600  # 2026-01-01
    commit("Document set", files, start)
    paths = [p for p in files if p.startswith("docs/") and "/doc-" in p]
    for number in range(commits):
        when = start + 60 * (number + 1)
        day = time.strftime("%Y-%m-%d", time.gmtime(when))
        index = rng.randrange(len(paths))
        path = paths[index]
        name = path.rsplit("/", 1)[1]
        text = files[path]
        kind = rng.random()
        if kind < 0.02:
            renamed = path.replace(".md", "-r.md")
            paths[index] = renamed
            files[renamed] = files.pop(path)
            commit(f"Rename {name}", {}, when, (path, renamed))
            continue
        if kind < 0.72:
            text += f"\nRevision note {number}: {paragraph(rng, 12)}\n"
            message = f"Edit {name} ({number})"
            if kind >= 0.42:
                text = re.sub(r'version: "(\d+)\.(\d+)"', lambda m: f'version: "{m[1]}.{int(m[2]) + 1}"', text, count=1)
                text = re.sub(r"approved: \S+", f"approved: {day}", text, count=1)
                message = f"Edit and approve {name} ({number})"
        elif kind < 0.92:
            text = re.sub(r"last_reviewed: \S+", f"last_reviewed: {day}", text, count=1)
            message = f"Review {name} ({number})"
        else:
            text = re.sub(r"owner: \S+", f"owner: {rng.choice(ROLES)}", text, count=1)
            message = f"New owner for {name} ({number})"
        files[path] = text
        commit(message, {path: text}, when)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=out, input=b"".join(chunks), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=out, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder-size", type=int, default=0, metavar="N",
                        help="put consecutive documents into folders of N each (default: each type over 50 folders)")
    args = parser.parse_args()
    generate(args.out, args.documents, args.commits, args.seed, args.folder_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
