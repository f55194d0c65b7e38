"""Tables for auditors, built from the repository model: SoA, register, risks, nonconformities,
audit checklists; written as CSV or as xlsx with real dates and columns that read."""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from isodocs.analysis import Analysis, evidence
from isodocs.analysis.risks import above_acceptance, risks as risk_register
from isodocs.analysis.states import control_states, in_force
from isodocs.files.atomic import write_bytes
from isodocs.model.catalog import Catalog, Entry
from isodocs.model.document import Decision, Document
from isodocs.outputs.escape import markdown_cell, spreadsheet_text, xml_text
from isodocs.translation import Translator, t

Cell = str | int | date | None


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    widths: list[int]   # characters, for xlsx
    control: list[tuple[str, Cell]] = field(default_factory=list)  # a document-control block above the table
    choices: dict[str, list[str]] = field(default_factory=dict)  # a column's allowed values (a list to pick from)


NOT_IN_FORCE = "not-yet-no-approved-current-document-implements-it"   # keys of export. texts
REASONS = {"risk-treatment": "risk-treatment", "legal": "legal-or-regulatory-requirement",
           "contractual": "contractual-obligation", "business": "business-requirement"}


def _texts(analysis: Analysis) -> tuple[Translator, Translator]:
    """The export's own texts and the front matter values, in the repository's language."""
    language = analysis.repository.config.language
    return Translator(language, "export."), Translator(language, "value.")


def soa(analysis: Analysis) -> Table:
    x, value = _texts(analysis)
    language = analysis.repository.config.language
    rows: list[list[Cell]] = []
    sources: list[Document] = []
    names: list[str] = []
    for catalog in analysis.repository.catalogs.values():
        if catalog.controls:
            names.append(catalog.name)
        for state in control_states(analysis, catalog):
            decision = state.decision
            applicable = x("not-decided") if decision is None or decision.applicable is None else \
                (x("yes") if decision.applicable else x("no"))
            implementation = decision.implementation if decision else None
            if implementation == "implemented" and not any(in_force(analysis, d) for d in state.implementing):
                implementation = x(NOT_IN_FORCE)
            elif implementation:
                implementation = value.get(implementation, implementation)
            if state.source is not None and state.source not in sources:
                sources.append(state.source)
            reasons = "; ".join(x(REASONS[r]) if r in REASONS else r for r in decision.reasons) if decision else ""
            found = evidence.operation(analysis, catalog.id, state.id, decision)
            expected = evidence.frequency_said(found.frequency, decision.frequency).said_in(language) \
                if found.frequency is not None and decision is not None else None
            rows.append([catalog.name, state.id, state.title, applicable, reasons or None,
                         decision.justification if decision else None, implementation,
                         "\n".join(_described(d, value) for d in state.implementing),
                         state.source.id if state.source else None, expected, _evidence(found.latest),
                         found.latest.entry.date if found.latest else None, _evidence_state(x, found, decision),
                         state.state])
    return Table(x("statement-of-applicability"),
                 [x("standard"), x("control"), x("title"), x("applicable"), x("reasons-for-selection"),
                  x("justification"), x("implementation-status"), x("implementing-documents"), x("decided-in"),
                  x("evidence-expected"), x("latest-evidence"), x("evidence-date"), x("evidence-status"),
                  x("state-in-isodocs")], rows,
                 [20, 10, 48, 12, 24, 48, 20, 48, 14, 14, 48, 12, 24, 14], _document_control(analysis, names, sources))


def _evidence(latest: evidence.Recorded | None) -> str | None:
    """The latest evidence of operation as an auditor samples it: what, by whom, in which record, with its files."""
    if latest is None:
        return None
    entry = latest.entry
    where = [latest.record.id, *entry.files, *([entry.link] if entry.link else [])]
    return f"{entry.what}" + (f" ({entry.by})" if entry.by else "") + f"; {', '.join(where)}"


def _evidence_state(x: Translator, found: evidence.Operation, decision: Decision | None) -> str | None:
    if found.frequency is None or decision is None or decision.applicable is not True:
        return None
    if found.due is None:
        return x("evidence-state-none")
    return x("evidence-state-overdue", due=found.due.isoformat()) if found.stale else \
        x("evidence-state-current", due=found.due.isoformat())


def _described(document: Document, value: Translator) -> str:
    """A document as an auditor looks it up: id, title, version and status."""
    version = f"v{document.version}, " if document.version else ""
    return f"{document.id} {document.title} ({version}{value.get(document.status, document.status)})"


def _document_control(analysis: Analysis, standards: list[str], sources: list[Document]) -> list[tuple[str, Cell]]:
    """Who issued the Statement of Applicability, which version and its approval: it is a controlled document."""
    config = analysis.repository.config
    x, value = _texts(analysis)

    def each(value: Callable[[Document], Cell]) -> Cell:
        values = [value(d) for d in sources]
        if len(values) == 1:
            return values[0]
        return "; ".join("" if v is None else v.isoformat() if isinstance(v, date) else str(v) for v in values) or None

    return [(x("organization"), config.organization), (x("standard"), "; ".join(standards)),
            (x("soa-id"), each(lambda d: d.id)), (x("title"), each(lambda d: d.title)),
            (x("version"), each(lambda d: d.version)), (x("status"), each(lambda d: value.get(d.status, d.status))),
            (x("approver"), each(lambda d: config.role_label(d.approver))),
            (x("approval-date"), each(lambda d: d.approved)), (x("date-exported"), analysis.today)]


def register(analysis: Analysis) -> Table:
    config = analysis.repository.config
    x, value = _texts(analysis)
    rows: list[list[Cell]] = []
    for d in sorted(analysis.repository.documents, key=lambda d: d.id):
        classification = d.classification or config.default_classification
        rows.append([d.id, d.title, value.get(d.type, d.type), value.get(d.status, d.status), d.version,
                     config.role_label(d.owner),
                     config.role_label(d.approver), d.approved, d.last_reviewed, analysis.next_review(d),
                     value.get(classification, classification),
                     "; ".join(f"{c}: {', '.join(ids)}" for c, ids in d.clauses.items()), d.path])
    return Table(x("document-register"),
                 [x("id"), x("title"), x("type"), x("status"), x("version"), x("owner"), x("approver"),
                  x("approved"), x("last-review"),
                  x("next-review"), x("classification"), x("clauses"), x("file")], rows,
                 [14, 44, 12, 11, 9, 28, 28, 12, 12, 12, 14, 40, 44])


def risks(analysis: Analysis) -> Table:
    config = analysis.repository.config
    x, value = _texts(analysis)
    rows: list[list[Cell]] = []
    for risk, document in risk_register(analysis):
        rows.append([risk.id, risk.asset, risk.threat, risk.likelihood, risk.impact, risk.level,
                     config.role_label(risk.owner), value.get(risk.treatment or "", risk.treatment),
                     "; ".join(f"{c}: {', '.join(ids)}" for c, ids in risk.controls.items()),
                     risk.residual_likelihood, risk.residual_impact, risk.residual_level, risk.action, risk.due,
                     risk.review, document.id, _yes_no(x, above_acceptance(config, risk))])
    return Table(x("risk-register"),
                 [x("risk"), x("asset-or-process"), x("threat"), x("likelihood"), x("impact"), x("risk-level"),
                  x("risk-owner"),
                  x("treatment"), x("controls"), x("residual-likelihood"), x("residual-impact"), x("residual-level"),
                  x("treatment-action"), x("action-due"), x("next-review"), x("register"), x("above-acceptance")], rows,
                 [10, 30, 40, 11, 9, 10, 28, 11, 30, 11, 11, 11, 40, 12, 12, 12, 12])


def _yes_no(x: Translator, value: bool | None) -> str | None:
    return None if value is None else x("yes") if value else x("no")


def nonconformities(analysis: Analysis) -> Table:
    config = analysis.repository.config
    x, value = _texts(analysis)
    rows: list[list[Cell]] = []
    for d in analysis.repository.documents:
        record = d.nonconformity
        if record is None:
            continue
        status = "closed" if record.closed else ("overdue" if record.due and record.due < analysis.today else "open")
        rows.append([d.id, d.title, record.raised, record.source, record.clause,
                     value.get(record.grade or "", record.grade),
                     config.role_label(d.owner), record.due, record.root_cause, record.action,
                     record.verification, record.closed, x(status)])
    return Table(x("nonconformities-and-corrective-actions"),
                 [x("id"), x("nonconformity"), x("raised"), x("source"), x("clause"), x("grade"), x("owner"), x("due"),
                  x("root-cause"), x("corrective-action"), x("verification"), x("closed"), x("status")], rows,
                 [14, 44, 12, 16, 22, 12, 28, 12, 40, 40, 40, 12, 10])


FINDINGS = ("conformity", "minor", "major", "improvement")
CHECKLIST_HEAD = ("clause", "part-of", "title", "question", "justification", "documents", "recorded", "evidence",
                  "finding")
CHECKLIST_BLOCK = ("organization", "criteria", "scope", "date", "auditor", "auditee", "prepared")


def checklist(analysis: Analysis, catalog: Catalog) -> Table:
    """An internal-audit checklist: every clause 4 to 10 with the clause it is part of, then every Annex A control
    the Statement of Applicability makes applicable (with its justification and implementing documents); a header
    block for the audit's date, auditor, scope and criteria, and a list to choose each finding from."""
    language = analysis.repository.config.language
    say = Translator(language, "checklist.")
    values = Translator(language, "value.")
    rows: list[list[Cell]] = []
    for entry in catalog.entries.values():
        if entry.annex:
            continue
        title = catalog.title_of(entry, language)
        parent = catalog.entries.get(entry.parent or "")
        within = f"{parent.id} {catalog.title_of(parent, language)}" if parent else None
        documents = _examine(catalog, entry, analysis.index)
        rows.append([entry.id, within, title, say(f"question-{entry.documented_information or 'none'}", title=title),
                     None, ", ".join(f"{d.id} {d.title}" for d in documents),
                     _recorded(analysis, catalog.id, entry.id, None, language), "", ""])
    for state in control_states(analysis, catalog):
        if state.decision is None or state.decision.applicable is not True:
            continue
        entry = catalog.entries[state.id]
        title = catalog.title_of(entry, language)
        parent = catalog.entries.get(entry.parent or "")
        within = f"{parent.id} {catalog.title_of(parent, language)}" if parent else None
        rows.append([state.id, within, title, say("control-question", title=title),
                     state.decision.justification, "\n".join(_described(d, values) for d in state.implementing),
                     _recorded(analysis, catalog.id, state.id, state.decision, language), "", ""])
    head = [say(f"head-{key}") for key in CHECKLIST_HEAD]
    block = [say(f"block-{key}") for key in CHECKLIST_BLOCK]
    soa = next((s.source for s in control_states(analysis, catalog) if s.source is not None), None)
    criteria = catalog.name + (f"; {soa.id} {soa.title}" + (f" v{soa.version}" if soa.version else "") if soa else "")
    control: list[tuple[str, Cell]] = [(block[0], analysis.repository.config.organization), (block[1], criteria),
                                       (block[2], None), (block[3], None), (block[4], None), (block[5], None),
                                       (block[6], analysis.today)]
    return Table(say("title", standard=catalog.name), head, rows, [9, 30, 40, 60, 40, 50, 40, 40, 30], control,
                 {head[-1]: [say(f"finding-{key}") for key in FINDINGS]})


def _recorded(analysis: Analysis, catalog_id: str, entry_id: str, decision: Decision | None,
              language: str) -> str | None:
    """The latest evidence of operation an approved record holds for a clause or control, and for a control that
    follows evidence, the frequency expected and whether new evidence is overdue: what the auditor samples first."""
    found = evidence.operation(analysis, catalog_id, entry_id, decision)
    site = Translator(language, "site.")
    parts = [f"{found.latest.entry.date.isoformat()}: {_evidence(found.latest)}"] \
        if found.latest is not None and found.latest.entry.date else []
    if found.frequency is not None and decision is not None:
        parts.append(site("evidence_expected",
                          frequency=evidence.frequency_said(found.frequency, decision.frequency).said_in(language)))
        if found.due is None:
            parts.append(site("evidence_none"))
        elif found.stale:
            parts.append(site("evidence_overdue", due=found.due.isoformat()))
    return "\n".join(parts) or None


def _examine(catalog: Catalog, entry: Entry, index: dict[tuple[str, str], list[Document]]) -> list[Document]:
    """Documents naming the clause, or failing that, its nearest ancestor that has any."""
    current: Entry | None = entry
    while current is not None:
        documents = index.get((catalog.id, current.id))
        if documents:
            return sorted({d.path: d for d in documents}.values(), key=lambda d: d.id)
        current = catalog.entries.get(current.parent or "")
    return []


def to_csv(table: Table) -> bytes:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    if table.control:
        for label, value in table.control:
            writer.writerow([_csv_cell(label), _csv_cell(value)])
        writer.writerow([])
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_csv_cell(value) for value in row])
    return stream.getvalue().encode("utf-8-sig")  # the byte-order mark makes spreadsheet programs read UTF-8


def _plain(value: Cell) -> object:
    """A cell as text files hold it: nothing for None, ISO 8601 for a date."""
    return "" if value is None else value.isoformat() if isinstance(value, date) else value


def _csv_cell(value: Cell) -> object:
    """A cell of the CSV file: text that could start a formula is kept as text."""
    plain = _plain(value)
    return spreadsheet_text(plain) if isinstance(plain, str) else plain


def _xlsx_cell(value: Cell) -> Cell:
    """A cell of the workbook: text without the characters XML forbids (openpyxl refuses them)."""
    return xml_text(value) if isinstance(value, str) else value


def to_xlsx(table: Table) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.properties import PageSetupProperties
    from openpyxl.worksheet.worksheet import Worksheet

    workbook = Workbook()
    workbook.properties.title = table.title
    workbook.properties.creator = "isodocs"
    sheet = workbook.active
    if not isinstance(sheet, Worksheet):  # a new workbook opens on its one worksheet
        raise TypeError(f"a new workbook opened on {type(sheet).__name__}, not a worksheet")
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", table.title)[:31].strip()
    for label, value in table.control:
        sheet.append([label, _xlsx_cell(value)])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        if isinstance(value, date):
            sheet.cell(row=sheet.max_row, column=2).number_format = "yyyy-mm-dd"
    if table.control:
        sheet.append([])
    head = len(table.control) + 1 + (1 if table.control else 0)
    sheet.append(table.headers)
    for cell in sheet[head]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in table.rows:
        sheet.append([_xlsx_cell(value) for value in row])
    for written in sheet.iter_rows(min_row=head + 1):
        for cell in written:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for written in sheet.iter_rows():
        for cell in written:
            if cell.data_type == "f":  # openpyxl takes text starting with '=' for a formula: it stays text
                cell.data_type = "s"
    for position, width in enumerate(table.widths, 1):
        sheet.column_dimensions[get_column_letter(position)].width = width
    sheet.freeze_panes = f"A{head + 1}"
    last = get_column_letter(len(table.headers))
    sheet.auto_filter.ref = f"A{head}:{last}{head + len(table.rows)}"
    sheet.print_title_rows = f"{head}:{head}"   # the column headings on every printed page
    for column, allowed in table.choices.items():
        letter = get_column_letter(table.headers.index(column) + 1)
        listed = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle=column, error=", ".join(allowed))
        sheet.add_data_validation(listed)
        listed.add(f"{letter}{head + 1}:{letter}{max(head + len(table.rows), head + 1)}")
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def to_markdown(table: Table) -> bytes:
    lines = [f"# {table.title}", ""]
    if table.control:
        lines += ["| | |", "|---|---|"] + [f"| {markdown_cell(label)} | {markdown_cell(str(_plain(value)))} |"
                                           for label, value in table.control] + [""]
    for column, allowed in table.choices.items():
        lines += [f"{markdown_cell(column)}: {' | '.join(markdown_cell(a) for a in allowed)}", ""]
    lines += ["| " + " | ".join(table.headers) + " |", "|" + "---|" * len(table.headers)]
    lines += ["| " + " | ".join(markdown_cell(str(_plain(v)).replace("\n", "; ")) for v in row) + " |"
              for row in table.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


WRITERS = {"csv": to_csv, "xlsx": to_xlsx, "markdown": to_markdown}


def deliver(table: Table, fmt: str, output: str | None, language: str = "en") -> None:
    """The table to a file (saying how many rows went there), or as text to standard output."""
    data = WRITERS[fmt](table)
    if output is None:
        sys.stdout.write(data.decode("utf-8-sig"))
        return
    write_bytes(Path(output), data)
    sys.stdout.write(t("export.written", language, title=table.title, count=len(table.rows), output=output) + "\n")
