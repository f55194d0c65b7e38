"""JUnit XML for GitLab test reports and Jenkins: one test suite per file, one test case per finding.

Valid against the Jenkins xunit plugin's JUnit schema (junit-10.xsd): every suite has `name`, `tests`,
`failures` and `errors`, and the file's path in its `file` attribute (that schema has no `file` on a test
case); each case carries the path as its `classname`, which GitLab shows. A document with no finding is
one passing case, so a clean repository still shows every document it checked. Errors are failures;
warnings pass with their text in `system-out`. `errors` is always 0: it counts cases that could not run.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from isodocs.checks import Report
from isodocs.model.findings import ERROR, Finding
from isodocs.outputs.escape import xml_text


def _where(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}" if finding.line else finding.path


def render(report: Report) -> str:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    if report.analysis is not None:
        for document in report.analysis.repository.documents:
            by_path[document.path]
    for finding in report.findings:
        by_path[finding.path].append(finding)
    suites = ET.Element("testsuites", name="isodocs check", tests="0", failures=str(report.errors), errors="0")
    total = 0
    for path in sorted(by_path):
        found = by_path[path]
        failures = sum(1 for f in found if f.severity == ERROR)
        name = xml_text(path)
        suite = ET.SubElement(suites, "testsuite", name=name, tests=str(max(len(found), 1)), failures=str(failures),
                              errors="0", file=name)
        total += max(len(found), 1)
        if not found:
            ET.SubElement(suite, "testcase", classname=name, name="no findings")
        for finding in found:
            case = ET.SubElement(suite, "testcase", classname=name,
                                 name=xml_text(f"{finding.rule} ({_where(finding)})"))
            said = xml_text(f"{_where(finding)}: {finding.message}")
            if finding.severity == ERROR:
                ET.SubElement(case, "failure", type=finding.rule, message=xml_text(finding.message)).text = said
            else:
                ET.SubElement(case, "system-out").text = f"{finding.severity}: {said}"
    summary = ET.SubElement(suites, "testsuite", name="readiness", tests=str(len(report.readiness)), failures="0",
                            errors="0")
    properties = ET.SubElement(summary, "properties")
    for catalog, ready in report.readiness.items():
        ET.SubElement(properties, "property", name=f"readiness.{catalog}",
                      value=f"{ready.covered}/{ready.required} ({ready.percent:g}%)")
    for catalog, ready in report.readiness.items():
        case = ET.SubElement(summary, "testcase", classname="readiness", name=catalog)
        ET.SubElement(case, "system-out").text = f"{ready.covered}/{ready.required} ({ready.percent:g}%)"
    suites.set("tests", str(total + len(report.readiness)))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
