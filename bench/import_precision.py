"""How good `isodocs import`'s clause suggestions are, measured on the template's starter documents.

    python bench/import_precision.py [--language en|ru] [--standard ID ...]

Scaffolds a repository, writes every starter document to .docx with python-docx (its front matter
left out, as a Word file would have none), imports the files into a second, fresh repository of the
same standards and compares each document's suggestions with the clause map the starter document
carries: precision is suggestions that are in the map over all suggestions, recall is clauses of the
map that were suggested over all mapped clauses; import_seconds is the `isodocs import` run alone.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from wordfiles import docx_from_markdown

from isodocs.main import main
from isodocs.model.repository import Repository

ALL = ["iso27001-2022", "iso9001-2015", "iso14001-2015", "iso45001-2018", "iso42001-2023"]


def measure(work: Path, standards: list[str], language: str) -> dict:
    def scaffold(name: str) -> Path:
        args = ["new", str(work / name), "--organization", "Example Ltd", "--language", language, "--no-input"]
        for standard in standards:
            args += ["--standard", standard]
        with redirect_stdout(io.StringIO()):
            assert main(args) == 0
        return work / name

    starter = Repository.load(scaffold("starter"), cache=False)
    exported = work / "word"
    exported.mkdir()
    answers = {}
    for document in starter.documents:
        name = Path(document.path).stem
        docx_from_markdown(document.body, exported / f"{name}.docx")
        answers[name] = {(c, clause) for c, ids in document.clauses.items() for clause in ids}
    target = scaffold("target")
    out = io.StringIO()
    started = time.perf_counter()
    with redirect_stdout(out):
        main(["import", str(exported), "--into", "imported", "--format", "json", "--path", str(target)])
    seconds = time.perf_counter() - started
    report = json.loads(out.getvalue())
    suggested = right = mapped = found = 0
    per_document = {}
    for file in report["files"]:
        name = Path(file["source"]).stem
        got = {(s["catalog"], s["clause"]) for s in file["suggested"]}
        answer = answers[name]
        suggested += len(got)
        right += len(got & answer)
        mapped += len(answer)
        found += len(answer & got)
        per_document[name] = {"suggested": sorted(":".join(g) for g in got), "right": len(got & answer)}
    return {"language": language, "documents": len(report["files"]), "starter": len(starter.documents),
            "suggested": suggested, "right": right,
            "precision": round(right / suggested, 3) if suggested else None,
            "recall": round(found / mapped, 3) if mapped else None, "import_seconds": round(seconds, 1),
            "per_document": per_document}


def run() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", choices=("en", "ru"), default="en")
    parser.add_argument("--standard", action="append", default=[])
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = measure(Path(folder), args.standard or ALL, args.language)
    if not args.details:
        result.pop("per_document")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    run()
