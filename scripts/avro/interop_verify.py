#!/usr/bin/env python3
"""Checks data written by the Swift Avro module with the reference libraries: fastavro 1.13.1 and the
Apache `avro` package. Reads a JSON document on stdin:
  encodings:  [{"name", "schema", "datum" (Avro JSON encoding), "hex" (Swift's binary)}]
  containers: [{"name", "schema", "datums", "hex" (Swift's object container file)}]
and prints {"checked": n, "failures": [...]} on stdout; each failure names the case and the library.
"""

import io
import json
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import avro.datafile  # noqa: E402
import avro.io  # noqa: E402
import avro.schema  # noqa: E402
import fastavro  # noqa: E402

from avro_json import normalized, strip_logical_types, to_python  # noqa: E402


def check_encoding(case, failures):
    schema = strip_logical_types(case["schema"])
    expected = normalized(to_python(schema, case["datum"], tuples=False))
    data = bytes.fromhex(case["hex"])
    stream = io.BytesIO(data)
    value = fastavro.schemaless_reader(stream, fastavro.parse_schema(schema))
    if normalized(value) != expected or stream.tell() != len(data):
        failures.append({"case": case["name"], "library": "fastavro", "read": repr(value)[:300]})
    stream = io.BytesIO(data)
    parsed = avro.schema.parse(json.dumps(schema))
    value = avro.io.DatumReader(parsed, parsed).read(avro.io.BinaryDecoder(stream))
    if normalized(value) != expected or stream.tell() != len(data):
        failures.append({"case": case["name"], "library": "apache", "read": repr(value)[:300]})


def check_container(case, failures):
    schema = strip_logical_types(case["schema"])
    expected = [normalized(to_python(schema, d, tuples=False)) for d in case["datums"]]
    data = bytes.fromhex(case["hex"])
    records = list(fastavro.reader(io.BytesIO(data), reader_schema=fastavro.parse_schema(schema)))
    if [normalized(r) for r in records] != expected:
        failures.append({"case": case["name"], "library": "fastavro", "read": repr(records)[:300]})
    if case.get("codec") in ("null", "deflate"):
        with avro.datafile.DataFileReader(io.BytesIO(data), avro.io.DatumReader()) as reader:
            records = list(reader)
        if [normalized(r) for r in records] != expected:
            failures.append({"case": case["name"], "library": "apache", "read": repr(records)[:300]})


def main():
    warnings.filterwarnings("ignore")
    document = json.load(sys.stdin)
    failures = []
    checked = 0
    for kind, check in (("encodings", check_encoding), ("containers", check_container)):
        for case in document.get(kind, []):
            checked += 1
            try:
                check(case, failures)
            except Exception as error:  # a library that cannot read the data at all is a failure too
                failures.append({"case": case.get("name"), "library": "both", "error": "%s: %s" % (type(error).__name__, error)})
    json.dump({"checked": checked, "failures": failures}, sys.stdout)


if __name__ == "__main__":
    main()
