#!/usr/bin/env python3
"""Generates the Avro interoperability cases that the Swift tests check, with the reference libraries:
fastavro 1.13.1 and the Apache `avro` package 1.12 (the Python port of the reference implementation).

Prints one JSON document to stdout:
  encodings:     schema, datum (Avro JSON encoding), fastavro and apache binary (hex), canonical form and
                 fingerprints (rabin as the 64-bit value in hex, most significant digit first; md5; sha256)
  logical:       logical-type values written by fastavro from Python objects (Decimal, datetime, UUID, date)
  resolution:    writer schema, reader schema, writer datum, fastavro's binary, expected reader datum
                 (checked here against fastavro's own resolution)
  compatibility: reader, writer, and the Apache checker's verdict, incompatibility types and locations
  containers:    object container files written by fastavro, with their datums
Run it directly to inspect the cases; `--summary` prints counts to stderr.
"""

import datetime
import decimal
import hashlib
import io
import json
import math
import os
import struct
import sys
import uuid
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import avro.compatibility  # noqa: E402
import avro.io  # noqa: E402
import avro.schema  # noqa: E402
import fastavro  # noqa: E402
from fastavro.schema import to_parsing_canonical_form  # noqa: E402

from avro_json import float32, normalized, strip_logical_types, to_python  # noqa: E402


def fastavro_bytes(schema, value):
    buffer = io.BytesIO()
    fastavro.schemaless_writer(buffer, fastavro.parse_schema(schema), value)
    return buffer.getvalue()


def apache_bytes(schema, value):
    buffer = io.BytesIO()
    avro.io.DatumWriter(avro.schema.parse(json.dumps(schema))).write(value, avro.io.BinaryEncoder(buffer))
    return buffer.getvalue()


def fingerprints(schema):
    canonical = to_parsing_canonical_form(fastavro.parse_schema(schema))
    apache = avro.schema.parse(json.dumps(schema)).canonical_form
    rabin = fastavro.schema.fingerprint(canonical, "CRC-64-AVRO")
    return {
        "canonical": canonical,
        # The Apache package keeps `{"type":"string"}` for a primitive with extra attributes, against the
        # specification's [PRIMITIVES] rule; compare with it only where it agrees with fastavro.
        "apacheCanonical": apache if apache == canonical else None,
        "rabin": bytes.fromhex(rabin)[::-1].hex(),
        "md5": hashlib.md5(canonical.encode()).hexdigest(),
        "sha256": hashlib.sha256(canonical.encode()).hexdigest(),
    }


# ---------------------------------------------------------------------------------------------------
# Datums, written in the Avro JSON encoding

def zigzag_boundaries(bits):
    values = {0, 1, -1, (1 << (bits - 1)) - 1, -(1 << (bits - 1))}
    for group in range(1, (bits + 6) // 7 + 1):
        edge = 1 << (7 * group - 1)
        for value in (edge - 1, edge, -edge, -edge - 1):
            if -(1 << (bits - 1)) <= value < (1 << (bits - 1)):
                values.add(value)
    return sorted(values)


def float_values():
    raw = [0.0, -0.0, 1.5, -2.25, 0.1, 3.4028234663852886e38, -3.4028234663852886e38, 1.401298464324817e-45,
           1.1754943508222875e-38, 16777217.0, math.nan, math.inf, -math.inf]
    return [float32(v) for v in raw]


def double_values():
    return [0.0, -0.0, 0.1, -123.456, 1e308, -1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
            9007199254740993.0, 1e21, 1e-7, math.nan, math.inf, -math.inf]


def json_float(value):
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


STRINGS = ["", "a", "héllo wörld", "日本語のテキスト", "emoji 😀🎉", "nul \u0000 inside", "quote \" backslash \\ newline \n tab \t",
           "\u007f\u0080\u07ff\u0800\uffff", "𝄞 surrogate pair", "x" * 5000]

BYTES = ["", "\u0000", "".join(chr(i) for i in range(256)), "\u00ff" * 3, "".join(chr(i % 256) for i in range(10000))]

RECORD_ALL = {
    "type": "record", "name": "AllTypes", "namespace": "org.interop",
    "fields": [
        {"name": "n", "type": "null"}, {"name": "b", "type": "boolean"}, {"name": "i", "type": "int"},
        {"name": "l", "type": "long"}, {"name": "f", "type": "float"}, {"name": "d", "type": "double"},
        {"name": "by", "type": "bytes"}, {"name": "s", "type": "string"},
        {"name": "e", "type": {"type": "enum", "name": "Suit", "symbols": ["SPADES", "HEARTS", "DIAMONDS", "CLUBS"]}},
        {"name": "fx", "type": {"type": "fixed", "name": "MD5", "size": 16}},
        {"name": "a", "type": {"type": "array", "items": "long"}},
        {"name": "m", "type": {"type": "map", "values": "string"}},
        {"name": "u", "type": ["null", "string", "Suit", "MD5"]},
        {"name": "r", "type": {"type": "record", "name": "Inner", "namespace": "other.ns",
                               "fields": [{"name": "x", "type": "int"}, {"name": "again", "type": ["null", "org.interop.Suit"]}]}},
    ],
}

LINKED_LIST = {"type": "record", "name": "LongList", "aliases": ["LinkedLongs"],
               "fields": [{"name": "value", "type": "long"}, {"name": "next", "type": ["null", "LongList"]}]}

TREE = {"type": "record", "name": "Tree", "namespace": "t",
        "fields": [{"name": "label", "type": "string"}, {"name": "children", "type": {"type": "array", "items": "Tree"}},
                   {"name": "attributes", "type": {"type": "map", "values": ["null", "Tree", "double"]}}]}


def linked(n):
    node = None
    for value in range(n, 0, -1):
        node = {"LongList": {"value": value * 1000003 - 7, "next": node}}
    return node["LongList"]


def tree(depth):
    if depth == 0:
        return {"label": "leaf", "children": [], "attributes": {}}
    child = tree(depth - 1)
    return {"label": "node%d" % depth, "children": [child, child],
            "attributes": {"a": None, "b": {"double": depth * 0.5}, "c": {"t.Tree": child}}}


def all_types_datum(seed):
    return {"n": None, "b": seed % 2 == 0, "i": -2147483648 + seed, "l": 9223372036854775807 - seed,
            "f": json_float(float32(seed / 3)), "d": json_float(seed / 7), "by": "\u0000\u00ff" * seed, "s": "s%d é" % seed,
            "e": ["SPADES", "HEARTS", "DIAMONDS", "CLUBS"][seed % 4], "fx": "".join(chr((seed * 17 + i) % 256) for i in range(16)),
            "a": [seed, -seed, 1 << 40], "m": {k: v for k, v in sorted({"k%d" % j: "v" * j for j in range(seed % 4)}.items())},
            "u": [None, {"string": "x"}, {"org.interop.Suit": "CLUBS"}, {"org.interop.MD5": "\u0001" * 16}][seed % 4],
            "r": {"x": seed, "again": None if seed % 2 else {"org.interop.Suit": "HEARTS"}}}


def encoding_cases():
    cases = []

    def add(name, schema, datums, apache=True):
        for index, datum in enumerate(datums):
            cases.append({"name": "%s[%d]" % (name, index), "schema": schema, "datum": datum, "apache": apache})

    add("null", "null", [None])
    add("boolean", "boolean", [True, False])
    add("int", "int", zigzag_boundaries(32))
    add("long", "long", zigzag_boundaries(64))
    add("float", "float", [json_float(v) for v in float_values()])
    add("double", "double", [json_float(v) for v in double_values()])
    add("bytes", "bytes", BYTES)
    add("string", "string", STRINGS)
    add("string-object-form", {"type": "string", "connect.name": "custom"}, ["kept attribute"])
    add("enum", {"type": "enum", "name": "Color", "symbols": ["RED", "GREEN", "BLUE"], "default": "RED"}, ["RED", "BLUE"])
    add("fixed-0", {"type": "fixed", "name": "Empty", "size": 0}, [""])
    add("fixed-16", {"type": "fixed", "name": "F16", "namespace": "x.y", "size": 16}, ["\u0000" * 16, "".join(chr(240 + i) for i in range(16))])
    add("array-int", {"type": "array", "items": "int"}, [[], [1], list(range(-500, 500)), [2147483647, -2147483648]])
    add("array-null", {"type": "array", "items": "null"}, [[None] * 7])
    add("array-nested", {"type": "array", "items": {"type": "array", "items": "string"}}, [[[], ["a"], ["b", "c"]]])
    add("map-string", {"type": "map", "values": "string"}, [{}, {"a": "x"}, {("k%03d" % i): "v%d" % i for i in range(300)}])
    add("map-of-arrays", {"type": "map", "values": {"type": "array", "items": "double"}}, [{"none": [], "pi": [3.14159]}])
    add("union-basic", ["null", "int", "string"], [None, {"int": 5}, {"string": "x"}, {"int": -2147483648}])
    add("union-numeric", ["int", "long", "float", "double"], [{"int": 1}, {"long": 1}, {"float": 1.5}, {"double": 1.5}], apache=False)
    add("union-bytes-string", ["bytes", "string"], [{"bytes": "\u00ff"}, {"string": "ÿ"}], apache=False)
    add("union-collections", ["null", {"type": "array", "items": "int"}, {"type": "map", "values": "int"}],
        [{"array": [1, 2]}, {"map": {"a": 1}}, None])
    add("union-named", [{"type": "record", "name": "A", "namespace": "n1", "fields": [{"name": "x", "type": "int"}]},
                        {"type": "record", "name": "B", "namespace": "n2", "fields": [{"name": "x", "type": "int"}]}],
        [{"n1.A": {"x": 1}}, {"n2.B": {"x": 2}}], apache=False)
    add("array-of-unions", {"type": "array", "items": ["null", "long", "string"]}, [[None, {"long": 7}, {"string": "s"}, None]])
    add("record-all-types", RECORD_ALL, [all_types_datum(seed) for seed in range(8)])
    add("record-empty", {"type": "record", "name": "Nothing", "fields": []}, [{}])
    add("linked-list", LINKED_LIST, [{"value": 1, "next": None}, linked(6)])
    add("tree", TREE, [tree(0), tree(3)])
    add("namespaces", {"type": "record", "name": "Outer", "namespace": "a.b", "fields": [
        {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": [{"name": "v", "type": "int"}]}},
        {"name": "again", "type": "Inner"},
        {"name": "qualified", "type": "a.b.Inner"},
        {"name": "nullns", "type": {"type": "record", "name": "Bare", "namespace": "", "fields": [{"name": "w", "type": "string"}]}},
        {"name": "dotted", "type": {"type": "enum", "name": "c.d.E", "symbols": ["X"]}},
        {"name": "union", "type": ["null", "Inner", "c.d.E"]}]},
        [{"inner": {"v": 1}, "again": {"v": 2}, "qualified": {"v": 3}, "nullns": {"w": "w"}, "dotted": "X", "union": {"a.b.Inner": {"v": 4}}},
         {"inner": {"v": 1}, "again": {"v": 2}, "qualified": {"v": 3}, "nullns": {"w": "w"}, "dotted": "X", "union": {"c.d.E": "X"}}])
    add("documented", {"type": "record", "name": "Doc", "doc": "a record", "aliases": ["Old"], "custom": {"x": [1, 2]},
                       "fields": [{"name": "f", "type": "int", "doc": "a field", "default": 3, "order": "descending", "aliases": ["g"]},
                                  {"name": "s", "type": {"type": "string", "avro.java.string": "String"}, "default": "d"}]},
        [{"f": 1, "s": "x"}])
    add("logical-physical", {"type": "record", "name": "Logical", "fields": [
        {"name": "dec", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
        {"name": "decfixed", "type": {"type": "fixed", "name": "D8", "size": 8, "logicalType": "decimal", "precision": 18, "scale": 4}},
        {"name": "uuid", "type": {"type": "string", "logicalType": "uuid"}},
        {"name": "date", "type": {"type": "int", "logicalType": "date"}},
        {"name": "tm", "type": {"type": "int", "logicalType": "time-millis"}},
        {"name": "tu", "type": {"type": "long", "logicalType": "time-micros"}},
        {"name": "tsm", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "tsu", "type": {"type": "long", "logicalType": "timestamp-micros"}},
        {"name": "tsn", "type": {"type": "long", "logicalType": "timestamp-nanos"}},
        {"name": "lts", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
        {"name": "dur", "type": {"type": "fixed", "name": "Dur", "size": 12, "logicalType": "duration"}},
        {"name": "unknown", "type": {"type": "string", "logicalType": "not-a-logical-type"}}]},
        [{"dec": "\u0013\u0087", "decfixed": "\u00ff" * 7 + "\u0080", "uuid": "123e4567-e89b-12d3-a456-426614174000", "date": 20483,
          "tm": 54000000, "tu": 54000000123, "tsm": 1769785200000, "tsu": 1769785200000123, "tsn": 1769785200000123456,
          "lts": -1, "dur": "\u0001\u0000\u0000\u0000" * 3, "unknown": "u"}])
    return cases


def logical_cases():
    cases = []

    def add(kind, schema, value, text):
        data = fastavro_bytes(schema, value)
        cases.append({"kind": kind, "schema": schema, "value": text, "hex": data.hex()})

    decimal_schema = {"type": "bytes", "logicalType": "decimal", "precision": 20, "scale": 2}
    for text in ["0.00", "0.01", "-0.01", "1.27", "1.28", "-1.28", "-1.29", "49.99", "-49.99", "299.94", "123456789012345678.99",
                 "-92233720368547758.08", "99999999999999999.99"]:
        add("decimal", decimal_schema, decimal.Decimal(text), text)
    fixed_schema = {"type": "fixed", "name": "Money", "size": 6, "logicalType": "decimal", "precision": 12, "scale": 3}
    for text in ["0.000", "1.500", "-1.500", "999999999.999", "-999999999.999"]:
        add("decimal", fixed_schema, decimal.Decimal(text), text)
    utc = datetime.timezone.utc
    for schema_type, unit in [("timestamp-millis", 1000), ("timestamp-micros", 1000000)]:
        # Foundation's Date (a Double of seconds) keeps microseconds exactly only up to about the year 2255.
        for seconds in [0, 1769785200, -86400 * 365, 4102444800]:
            moment = datetime.datetime.fromtimestamp(seconds, utc) + datetime.timedelta(milliseconds=123)
            add(schema_type, {"type": "long", "logicalType": schema_type}, moment, str(seconds * unit + 123 * unit // 1000))
    for days in [0, 20483, -1, -719162]:
        add("date", {"type": "int", "logicalType": "date"}, datetime.date(1970, 1, 1) + datetime.timedelta(days=days), str(days))
    for text in ["123e4567-e89b-12d3-a456-426614174000", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"]:
        add("uuid", {"type": "string", "logicalType": "uuid"}, uuid.UUID(text), text)
        # fastavro 1.13 has no uuid-on-fixed conversion: it writes the 16 raw bytes, which is the encoding.
        add("uuid", {"type": "fixed", "name": "U", "size": 16, "logicalType": "uuid"}, uuid.UUID(text).bytes, text)
    return cases


# ---------------------------------------------------------------------------------------------------
# Schema resolution: (name, writer, reader, writer datum, expected reader datum)

def record(name, fields, **extra):
    return dict({"type": "record", "name": name, "fields": fields}, **extra)


def resolution_cases():
    cases = []

    def add(name, writer, reader, datum, expected):
        cases.append({"name": name, "writer": writer, "reader": reader, "datum": datum, "expected": expected})

    for writer, reader, datum, expected in [
        ("int", "long", -5, -5), ("int", "float", 16777216, 16777216.0), ("int", "double", 2147483647, 2147483647.0),
        ("long", "float", 1 << 40, float(1 << 40)), ("long", "double", -(1 << 60), float(-(1 << 60))),
        ("float", "double", 1.5, 1.5), ("string", "bytes", "é", "\u00c3\u00a9"), ("bytes", "string", "\u00c3\u00a9", "é"),
    ]:
        add("promote-%s-%s" % (writer, reader), writer, reader, datum, expected)
    base = record("Person", [{"name": "name", "type": "string"}, {"name": "age", "type": "int"}])
    add("record-identity", base, base, {"name": "A", "age": 3}, {"name": "A", "age": 3})
    defaults = record("Person", [
        {"name": "name", "type": "string"},
        {"name": "age", "type": "long"},
        {"name": "email", "type": ["null", "string"], "default": None},
        {"name": "nick", "type": ["string", "null"], "default": "none"},
        {"name": "score", "type": "double", "default": 1.5},
        {"name": "tags", "type": {"type": "array", "items": "string"}, "default": ["a", "b"]},
        {"name": "attrs", "type": {"type": "map", "values": "int"}, "default": {"x": 1}},
        {"name": "blob", "type": "bytes", "default": "\u00ff\u0000"},
        {"name": "hash", "type": {"type": "fixed", "name": "H", "size": 2}, "default": "ab"},
        {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"]}, "default": "B"},
        {"name": "address", "type": record("Address", [{"name": "city", "type": "string"}]), "default": {"city": "Paris"}},
        {"name": "flag", "type": "boolean", "default": True},
        {"name": "nothing", "type": "null", "default": None},
    ])
    add("record-defaults", base, defaults, {"name": "A", "age": 3},
        {"name": "A", "age": 3, "email": None, "nick": {"string": "none"}, "score": 1.5, "tags": ["a", "b"], "attrs": {"x": 1},
         "blob": "\u00ff\u0000", "hash": "ab", "kind": "B", "address": {"city": "Paris"}, "flag": True, "nothing": None})
    wide = record("Person", [
        {"name": "id", "type": "long"}, {"name": "name", "type": "string"},
        {"name": "skipArray", "type": {"type": "array", "items": {"type": "map", "values": "string"}}},
        {"name": "skipUnion", "type": ["null", "string", "double"]},
        {"name": "skipRecord", "type": record("Skipped", [{"name": "f", "type": "float"}, {"name": "b", "type": "bytes"}])},
        {"name": "skipFixed", "type": {"type": "fixed", "name": "SF", "size": 3}},
        {"name": "skipEnum", "type": {"type": "enum", "name": "SE", "symbols": ["P", "Q"]}},
        {"name": "age", "type": "int"}])
    add("record-skip-fields", wide, base,
        {"id": 1, "name": "B", "skipArray": [{"k": "v"}, {}], "skipUnion": {"double": 2.5}, "skipRecord": {"f": 1.0, "b": "\u0001"},
         "skipFixed": "abc", "skipEnum": "Q", "age": 9},
        {"name": "B", "age": 9})
    reordered = record("Person", [{"name": "age", "type": "long"}, {"name": "name", "type": "string"}])
    add("record-reordered", base, reordered, {"name": "C", "age": 4}, {"age": 4, "name": "C"})
    renamed = record("Human", [{"name": "fullName", "type": "string", "aliases": ["name"]}, {"name": "age", "type": "int"}],
                     aliases=["Person"])
    add("record-aliases", base, renamed, {"name": "D", "age": 5}, {"fullName": "D", "age": 5})
    add("enum-default", {"type": "enum", "name": "E", "symbols": ["A", "B", "C"]},
        {"type": "enum", "name": "E", "symbols": ["C", "A", "U"], "default": "U"}, "B", "U")
    add("enum-reordered", {"type": "enum", "name": "E", "symbols": ["A", "B", "C"]},
        {"type": "enum", "name": "E", "symbols": ["C", "B", "A"]}, "A", "A")
    add("to-union", "int", ["null", "string", "long"], 7, {"long": 7})
    add("to-union-exact", "string", ["null", "bytes", "string"], "s", {"string": "s"})
    add("from-union", ["null", "int"], "long", {"int": 8}, 8)
    add("union-to-union", ["null", "int", "string"], ["string", "long", "null"], {"int": 9}, {"long": 9})
    add("union-null", ["null", "int", "string"], ["string", "long", "null"], None, None)
    add("union-records", [record("A", [{"name": "x", "type": "int"}]), record("B", [{"name": "y", "type": "int"}])],
        [record("B", [{"name": "y", "type": "long"}, {"name": "z", "type": "int", "default": 0}]), record("A", [{"name": "x", "type": "int"}])],
        {"B": {"y": 1}}, {"B": {"y": 1, "z": 0}})
    add("array-promote", {"type": "array", "items": "int"}, {"type": "array", "items": "double"}, [1, 2, 3], [1.0, 2.0, 3.0])
    add("map-promote", {"type": "map", "values": "float"}, {"type": "map", "values": "double"}, {"a": 0.5}, {"a": 0.5})
    item_v1 = record("Item", [{"name": "id", "type": "string"}, {"name": "qty", "type": "int"}])
    item_v2 = record("Item", [{"name": "id", "type": "string"}, {"name": "qty", "type": "long"},
                              {"name": "note", "type": ["null", "string"], "default": None}])
    add("nested-array-records", {"type": "array", "items": item_v1}, {"type": "array", "items": item_v2},
        [{"id": "a", "qty": 1}, {"id": "b", "qty": 2}], [{"id": "a", "qty": 1, "note": None}, {"id": "b", "qty": 2, "note": None}])
    add("recursive", LINKED_LIST, dict(LINKED_LIST, fields=LINKED_LIST["fields"] + [{"name": "extra", "type": "int", "default": 0}]),
        linked(3), {"value": 999996, "next": {"LongList": {"value": 1999999, "next": {"LongList": {"value": 3000002, "next": None, "extra": 0}}, "extra": 0}}, "extra": 0})
    for case in cases:
        writer_value = to_python(case["writer"], case["datum"])
        data = fastavro_bytes(case["writer"], writer_value)
        case["hex"] = data.hex()
        read = fastavro.schemaless_reader(io.BytesIO(data), fastavro.parse_schema(case["writer"]), fastavro.parse_schema(case["reader"]))
        expected = to_python(case["reader"], case["expected"], tuples=False)
        if normalized(read) != normalized(expected):
            raise SystemExit("resolution case %s: fastavro reads %r, expected %r" % (case["name"], read, expected))
        verdict = avro.compatibility.ReaderWriterCompatibilityChecker().get_compatibility(
            avro.schema.parse(json.dumps(case["reader"])), avro.schema.parse(json.dumps(case["writer"])))
        case["compatible"] = verdict.compatibility == avro.compatibility.SchemaCompatibilityType.compatible
    return cases


def compatibility_cases():
    pairs = []

    def add(name, reader, writer):
        pairs.append({"name": name, "reader": reader, "writer": writer})

    person = record("Person", [{"name": "name", "type": "string"}, {"name": "age", "type": "int"}])
    add("same", person, person)
    add("added-field-no-default", record("Person", person["fields"] + [{"name": "email", "type": "string"}]), person)
    add("added-field-default", record("Person", person["fields"] + [{"name": "email", "type": "string", "default": ""}]), person)
    add("removed-field", record("Person", person["fields"][:1]), person)
    add("type-changed", record("Person", [{"name": "name", "type": "string"}, {"name": "age", "type": "string"}]), person)
    add("promoted", record("Person", [{"name": "name", "type": "string"}, {"name": "age", "type": "long"}]), person)
    add("demoted", person, record("Person", [{"name": "name", "type": "string"}, {"name": "age", "type": "long"}]))
    add("renamed-record", record("Human", person["fields"]), person)
    add("aliased-record", record("Human", person["fields"], aliases=["Person"]), person)
    add("enum-missing", {"type": "enum", "name": "E", "symbols": ["A"]}, {"type": "enum", "name": "E", "symbols": ["A", "B"]})
    add("enum-missing-default", {"type": "enum", "name": "E", "symbols": ["A", "Z"], "default": "Z"},
        {"type": "enum", "name": "E", "symbols": ["A", "B"]})
    add("enum-added", {"type": "enum", "name": "E", "symbols": ["A", "B", "C"]}, {"type": "enum", "name": "E", "symbols": ["A", "B"]})
    add("fixed-size", {"type": "fixed", "name": "F", "size": 4}, {"type": "fixed", "name": "F", "size": 5})
    add("fixed-name", {"type": "fixed", "name": "F", "size": 4}, {"type": "fixed", "name": "G", "size": 4})
    add("union-missing-branch", ["null", "int"], ["null", "int", "string"])
    add("union-added-branch", ["null", "int", "string"], ["null", "int"])
    add("union-to-single", "int", ["null", "int"])
    add("single-to-union", ["null", "long"], "int")
    add("array-items", {"type": "array", "items": "long"}, {"type": "array", "items": "int"})
    add("array-items-bad", {"type": "array", "items": "int"}, {"type": "array", "items": "long"})
    add("map-values-bad", {"type": "map", "values": "string"}, {"type": "map", "values": "int"})
    add("nested-field", record("Outer", [{"name": "inner", "type": record("Inner", [{"name": "x", "type": "int"}, {"name": "y", "type": "int"}])}]),
        record("Outer", [{"name": "inner", "type": record("Inner", [{"name": "x", "type": "int"}])}]))
    add("string-bytes", "bytes", "string")
    add("int-string", "string", "int")
    add("recursive", LINKED_LIST, LINKED_LIST)
    for pair in pairs:
        reader = avro.schema.parse(json.dumps(pair["reader"]))
        writer = avro.schema.parse(json.dumps(pair["writer"]))
        result = avro.compatibility.ReaderWriterCompatibilityChecker().get_compatibility(reader, writer)
        pair["compatible"] = result.compatibility == avro.compatibility.SchemaCompatibilityType.compatible
        pair["kinds"] = sorted({kind.value.upper() for kind in result.incompatibilities})
        pair["locations"] = sorted(result.locations)
    return pairs


def container_cases():
    schema = RECORD_ALL
    datums = [all_types_datum(seed) for seed in range(20)]
    records = [to_python(schema, d) for d in datums]
    files = []
    for codec in ("null", "deflate"):
        buffer = io.BytesIO()
        fastavro.writer(buffer, fastavro.parse_schema(schema), records, codec=codec, sync_interval=2000, metadata={"origin": "fastavro"})
        files.append({"codec": codec, "schema": schema, "datums": datums, "hex": buffer.getvalue().hex()})
    return files


def main():
    warnings.filterwarnings("ignore")  # the Apache package warns about logical types it does not know
    cases = encoding_cases()
    differing = 0
    for case in cases:
        data = fastavro_bytes(case["schema"], to_python(case["schema"], case["datum"]))
        case["fastavro"] = data.hex()
        case.update(fingerprints(case["schema"]))
        if case.pop("apache"):
            apache = apache_bytes(strip_logical_types(case["schema"]), to_python(strip_logical_types(case["schema"]), case["datum"], tuples=False))
            case["apache"] = apache.hex()
            differing += apache != data
        else:
            case["apache"] = None
    document = {
        "encodings": cases,
        "logical": logical_cases(),
        "resolution": resolution_cases(),
        "compatibility": compatibility_cases(),
        "containers": container_cases(),
    }
    if "--summary" in sys.argv:
        print({k: len(v) for k, v in document.items()}, "apache differs from fastavro:", differing, file=sys.stderr)
    json.dump(document, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()
