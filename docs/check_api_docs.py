#!/usr/bin/env python3
"""Checks what Doxygen cannot: that libkpi's API reference says which error
codes each function returns and how long each pointer it hands out lives.

Usage: check_api_docs.py HEADER_DIR

HEADER_DIR is the directory holding kpi.h and kpi/ (include/ in the source
tree); every *.h under it is read. For each function declared with
KPI_EXTERN, its doc comment (the /** ... */ block right above the
declaration) must satisfy these rules:

(a) Status codes. A function whose return type is exactly `int` returns a
    status: #KPI_OK or a negative KPI_ERR_ code. Its @return paragraph must
    name KPI_OK and at least one KPI_ERR_ code, so that a caller knows what
    to handle. Functions that return a number which is not a status use
    another type (size_t, int32_t, uint32_t, double, an enum type) and are
    not checked. The few `int` functions that return a truth value (1 or 0)
    say so in their @return with the marker phrase

        not a status

    e.g. "@return 1 or 0: a truth value, not a status code."; the marker
    exempts them from rule (a) and tells the reader at the same time.

(b) Ownership and lifetime. A function that returns a pointer must say in
    its @return who owns the pointee and until when; for each parameter
    of pointer-to-pointer type (an out-parameter such as `kpi_plan **out`
    or `char **out`) its @param must say the same. The statement must use
    one of the LIFETIME_PHRASES below (case-insensitive), e.g. "borrowed
    from the plan; valid until the plan is freed", "which the caller frees
    with kpi_free()", "a static string, never freed".

(c) One ownership rule (docs/using.md): what comes back through a
    pointer-to-pointer is the caller's to free, and everything borrowed is
    returned directly. So a `**` parameter's @param must name how the
    caller frees it (one of OWNED_PHRASES) and must not call it borrowed.

Also, every KPI_ERR_ name mentioned in a function's comment must be a code
that kpi/error.h defines (names inside "double quotes" are strings, e.g.
kpi_error_name()'s "KPI_ERR_UNKNOWN", and are not checked), and every
KPI_EXTERN function must have a doc comment with an @return (unless it
returns void).

Each failure is printed as `file:line: function: what is missing`, the line
being that of the declaration; the exit status is then 1. When everything
passes, one summary line is printed and the exit status is 0. Only the
Python 3 standard library is used.
"""

import os
import re
import sys

# Wording accepted as an ownership/lifetime statement (rule b).
LIFETIME_PHRASES = (
    "valid until",
    "borrowed",
    "owned by",
    "caller frees",
    "kpi_free",
    "never freed",
    "static",
)

# Wording that says the caller frees what a ** parameter receives (rule c).
OWNED_PHRASES = ("caller frees", "kpi_free", "_free(")

# The marker that exempts an int function from rule (a).
NOT_A_STATUS = "not a status"

DOC_COMMENT = re.compile(r"/\*\*(?!<)(.*?)\*/", re.S)
DECLARATION = re.compile(r"^[ \t]*KPI_EXTERN\b([^;]*);", re.M)
FUNCTION = re.compile(r"^(?P<type>.*?)\b(?P<name>\w+)\s*\((?P<params>.*)\)\s*$", re.S)
ERROR_NAME = re.compile(r"\bKPI_ERR_[A-Z0-9_]+\b")
SECTION = re.compile(r"^[@\\](\w+)(?:\[[^\]]*\])?\s*(.*)$")


def comment_lines(body):
    """The lines of a doc comment without the leading ` * `."""
    lines = []
    for line in body.splitlines():
        line = line.strip()
        if line.startswith("*"):
            line = line[1:].strip()
        lines.append(line)
    return lines


def sections(body):
    """Splits a doc comment into (command, text) paragraphs: each @command
    runs until the next @command or a blank line. Text before the first
    command is returned under ''."""
    result = []
    command, text = "", []
    for line in comment_lines(body):
        match = SECTION.match(line)
        if match or not line:
            if text or command:
                result.append((command, " ".join(text)))
            command, text = (match.group(1), [match.group(2)]) if match else ("", [])
            continue
        text.append(line)
    if text or command:
        result.append((command, " ".join(text)))
    return result


def return_text(parts):
    return " ".join(text for command, text in parts if command in ("return", "returns", "retval"))


def param_text(parts, name):
    for command, text in parts:
        if command == "param":
            words = text.split(None, 1)
            if words and words[0] == name:
                return words[1] if len(words) > 1 else ""
    return None


def has_lifetime(text):
    lowered = text.lower()
    return any(phrase in lowered for phrase in LIFETIME_PHRASES)


def split_params(params):
    params = " ".join(params.split())
    if params in ("", "void"):
        return []
    return [p.strip() for p in params.split(",")]


def param_name(param):
    names = re.findall(r"\w+", param)
    return names[-1] if names else ""


def known_error_codes(header_dir):
    path = os.path.join(header_dir, "kpi", "error.h")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return set(re.findall(r"\b(KPI_ERR_[A-Z0-9_]+)\s*=", text))


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def check_function(decl, doc, codes):
    """The list of problems of one declaration with its doc comment."""
    match = FUNCTION.match(" ".join(decl.split()))
    if not match:
        return [], None
    name = match.group("name")
    return_type = match.group("type").strip()
    params = split_params(match.group("params"))
    if doc is None:
        return ["no doc comment"], name
    problems = []
    parts = sections(doc)
    returns = return_text(parts)
    returns_void = return_type == "void"
    if not returns_void and not returns.strip():
        problems.append("no @return")
    if return_type == "int" and NOT_A_STATUS not in returns.lower():
        if not re.search(r"\bKPI_OK\b", returns):
            problems.append("@return does not name KPI_OK (or say 'not a status')")
        if not ERROR_NAME.search(returns):
            problems.append("@return names no KPI_ERR_ code (or say 'not a status')")
    if "*" in return_type and not has_lifetime(returns):
        problems.append(
            "@return of a pointer says nothing of its lifetime (one of: %s)"
            % ", ".join(LIFETIME_PHRASES)
        )
    for param in params:
        if "**" not in param.replace(" ", ""):
            continue
        pname = param_name(param)
        text = param_text(parts, pname)
        if text is None:
            problems.append("no @param %s" % pname)
        elif not has_lifetime(text):
            problems.append(
                "@param %s (an out-pointer) says nothing of ownership or lifetime (one of: %s)"
                % (pname, ", ".join(LIFETIME_PHRASES))
            )
        elif "borrowed" in text.lower() or not any(
            phrase in text.lower() for phrase in OWNED_PHRASES
        ):
            problems.append(
                "@param %s: what comes back through ** is the caller's to free, so it must "
                "say how (one of: %s) and not be borrowed" % (pname, ", ".join(OWNED_PHRASES))
            )
    unquoted = re.sub(r'"[^"\n]*"', "", doc)
    for code in sorted(set(ERROR_NAME.findall(unquoted)) - codes):
        problems.append("names %s, which kpi/error.h does not define" % code)
    return problems, name


def check_header(path, codes):
    """Returns (functions checked, list of failure lines) for one header."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    comments = [(m.end(), m.group(1)) for m in DOC_COMMENT.finditer(text)]
    failures = []
    count = 0
    for decl in DECLARATION.finditer(text):
        if "(" not in decl.group(1):
            continue
        doc = None
        for end, body in comments:
            if end <= decl.start() and not text[end : decl.start()].strip():
                doc = body
                break
        problems, name = check_function(decl.group(1), doc, codes)
        if name is None:
            continue
        count += 1
        line = line_of(text, decl.start())
        for problem in problems:
            failures.append((name, "%s:%d: %s: %s" % (path, line, name, problem)))
    return count, failures


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        sys.stderr.write("usage: check_api_docs.py HEADER_DIR\n")
        return 2
    header_dir = argv[1]
    codes = known_error_codes(header_dir)
    headers = []
    for root, _dirs, files in os.walk(header_dir):
        headers.extend(os.path.join(root, f) for f in files if f.endswith(".h"))
    total = 0
    failures = []
    for path in sorted(headers):
        count, problems = check_header(path, codes)
        total += count
        failures.extend(problems)
    for _name, failure in failures:
        print(failure)
    if failures:
        print(
            "check_api_docs: %d problem(s) in %d of %d functions"
            % (len(failures), len({name for name, _ in failures}), total),
            file=sys.stderr,
        )
        return 1
    if total == 0:
        print("check_api_docs: no KPI_EXTERN function found under %s" % header_dir)
        return 1
    print(
        "check_api_docs: %d functions in %d headers state their error codes and "
        "pointer lifetimes" % (total, len(headers))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
