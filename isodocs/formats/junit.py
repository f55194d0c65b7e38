"""JUnit XML for GitLab test reports: one test case per rule, failing with its findings."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from isodocs.checks import Report
from isodocs.checks.rules import RULES
from isodocs.escape import xml_text
from isodocs.findings import ERROR


def render(report: Report) -> str:
    suites = ET.Element("testsuites", name="isodocs check", tests=str(len(RULES)), failures=str(report.errors))
    suite = ET.SubElement(suites, "testsuite", name="isodocs", tests=str(len(RULES)), failures=str(report.errors))
    for rule_id in RULES:
        found = [f for f in report.findings if f.rule == rule_id]
        case = ET.SubElement(suite, "testcase", classname="isodocs", name=rule_id)
        for finding in found:
            where = f"{finding.path}:{finding.line}" if finding.line else finding.path
            said = xml_text(f"{where}: {finding.message}")
            if finding.severity == ERROR:
                element = ET.SubElement(case, "failure", type=rule_id, message=said)
                element.text = said
            else:
                element = ET.SubElement(case, "system-out")
                element.text = f"warning {said}"
    readiness = ET.SubElement(suite, "properties")
    for catalog, ready in report.readiness.items():
        ET.SubElement(readiness, "property", name=f"readiness.{catalog}",
                      value=f"{ready.covered}/{ready.required} ({ready.percent:g}%)")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
