#!/usr/bin/env python3
"""Checks that each target of Package.swift declares exactly the modules its files import.

Swift lets a file import a module that only arrives transitively, and SwiftPM does not complain about
a declared dependency nobody imports; both hide the real shape of the code. Run by `make lint` (and so
by `make test`); prints one line per mismatch and exits 1 if there is any.
"""
import json
import pathlib
import re
import subprocess
import sys

# Modules of the toolchain: imported freely, never declared.
TOOLCHAIN = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Dispatch", "Synchronization",
             "Testing", "XCTest", "Glibc", "Musl", "Darwin", "_Concurrency", "os"}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_spi\(\w+\)\s+)?(?:(?:public|package|internal|private|fileprivate)\s+)?"
                    r"import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)",
                    re.MULTILINE)


def main() -> int:
    root = pathlib.Path(__file__).resolve().parents[2]
    package = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True,
                                        capture_output=True, text=True).stdout)
    problems = []
    for target in package["targets"]:
        if target["type"] in ("system", "binary", "plugin", "macro"):
            continue
        folder = root / (target.get("path") or default_path(target))
        excluded = [folder / e for e in target.get("exclude", [])]
        imported = set()
        for file in folder.rglob("*.swift"):
            if any(file.is_relative_to(e) for e in excluded):
                continue
            imported |= set(IMPORT.findall(header(file.read_text())))
        imported -= TOOLCHAIN | {target["name"]}
        declared = {declared_name(d) for d in target["dependencies"]}
        name = target["name"]
        for module in sorted(imported - declared):
            problems.append(f"{name}: imports {module} but does not declare it in Package.swift")
        for module in sorted(declared - imported):
            problems.append(f"{name}: declares {module} but no file imports it")
    for line in problems:
        print(line)
    return 1 if problems else 0


def header(text):
    """The file's leading lines of imports, comments and `#if`s: imports live there, and Python or
    shell code quoted later in a string literal must not count."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(("//", "/*", "*", "#if", "#else", "#elseif", "#endif", "@")) \
                and not IMPORT.match(line):
            break
        lines.append(line)
    return "\n".join(lines)


def default_path(target):
    folder = "Tests" if target["type"] == "test" else "Sources"
    return f"{folder}/{target['name']}"


def declared_name(dependency):
    kind, value = next(iter(dependency.items()))
    return value[0]  # byName / target / product: the module (or product) name comes first


if __name__ == "__main__":
    sys.exit(main())
