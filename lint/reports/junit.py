"""`--format junit`: JUnit XML for CI systems (GitLab, Jenkins): one test case per file.

A file with findings is a failed test case; the failure lists the findings one per line as
`path:line:column: rule [severity] message`. A file that could not be checked is a test case
with an error.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

# characters XML 1.0 cannot hold at all, not even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def finding_line(d) -> str:
    return f"{d.path}:{d.line}:{d.column}: {d.rule} [{d.severity}] {d.message}"


def render(results: list, color: bool = False) -> str:
    failures = sum(1 for result in results if result.diagnostics)
    errors = sum(1 for result in results if result.error is not None)
    totals = {"tests": str(len(results)), "failures": str(failures), "errors": str(errors)}
    suites = ET.Element("testsuites", name="newslint", **totals)
    suite = ET.SubElement(suites, "testsuite", name="newslint", **totals)
    for result in results:
        case = ET.SubElement(suite, "testcase", classname="newslint", name=xml_text(result.path),
                             file=xml_text(result.path))
        if result.error is not None:
            error = ET.SubElement(case, "error", message=xml_text(result.error), type="input")
            error.text = xml_text(result.error)
        if result.diagnostics:
            n = len(result.diagnostics)
            failure = ET.SubElement(case, "failure", message=f"{n} {'finding' if n == 1 else 'findings'}",
                                    type="newslint")
            failure.text = xml_text("\n".join(finding_line(d) for d in result.diagnostics))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
