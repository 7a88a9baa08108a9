"""Helpers shared by the interoperability scripts: converting datums in the Avro JSON encoding to the
Python values that fastavro (explicit union branches as tuples) and the Apache `avro` package (plain
values) write, and comparing values exactly."""

import copy
import math
import struct

PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}
NAMED = {"record", "error", "enum", "fixed"}


def strip_logical_types(schema):
    """The schema without logical types, so that both libraries read and write physical values."""
    if isinstance(schema, list):
        return [strip_logical_types(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    result = {}
    for key, value in schema.items():
        if key in ("logicalType", "precision", "scale"):
            continue
        if key in ("type", "items", "values"):
            result[key] = strip_logical_types(value)
        elif key == "fields":
            result[key] = [dict(f, type=strip_logical_types(f["type"])) for f in value]
        else:
            result[key] = copy.deepcopy(value)
    return result


class Walker:
    """Resolves schemas to (kind, definition, namespace, full name), following name references."""

    def __init__(self, schema):
        self.names = {}
        self.register(schema, None)

    def register(self, schema, namespace):
        if isinstance(schema, list):
            for branch in schema:
                self.register(branch, namespace)
            return
        if not isinstance(schema, dict):
            return
        kind = schema.get("type")
        if isinstance(kind, (dict, list)):
            self.register(kind, namespace)
            return
        if kind in NAMED:
            entry = self.define(schema, namespace)
            for field in schema.get("fields", []):
                self.register(field["type"], entry[2])
        elif kind == "array":
            self.register(schema["items"], namespace)
        elif kind == "map":
            self.register(schema["values"], namespace)

    def define(self, schema, namespace):
        name = schema["name"]
        if "." in name:
            ns, full = name.rsplit(".", 1)[0], name
        else:
            ns = schema.get("namespace", namespace) or None
            full = ns + "." + name if ns else name
        kind = "record" if schema["type"] == "error" else schema["type"]
        entry = (kind, schema, ns, full)
        self.names[full] = entry
        return entry

    def resolve(self, schema, namespace):
        if isinstance(schema, list):
            return ("union", schema, namespace, None)
        if isinstance(schema, str):
            if schema in PRIMITIVES:
                return (schema, schema, namespace, None)
            qualified = schema if "." in schema or not namespace else namespace + "." + schema
            return self.names.get(qualified) or self.names[schema]
        kind = schema["type"]
        if isinstance(kind, (dict, list)):
            return self.resolve(kind, namespace)
        if kind in PRIMITIVES or kind in ("array", "map"):
            return (kind, schema, namespace, None)
        if kind in NAMED:
            return self.define(schema, namespace)
        return self.resolve(kind, namespace)

    def type_name(self, schema, namespace):
        kind, _, _, full = self.resolve(schema, namespace)
        return full or kind


def float32(value):
    return struct.unpack("<f", struct.pack("<f", value))[0]


def to_python(schema, datum, tuples=True):
    """A datum in the Avro JSON encoding as the Python value the libraries write. With `tuples`, a
    union value becomes fastavro's explicit `(branch name, value)`; otherwise it is plain."""
    walker = Walker(schema)
    return _convert(walker, schema, None, datum, tuples)


def _convert(walker, schema, namespace, datum, tuples):
    kind, definition, ns, _ = walker.resolve(schema, namespace)
    if kind == "union":
        if datum is None:
            return None
        (branch_name, inner), = datum.items()
        for branch in definition:
            if walker.type_name(branch, ns) == branch_name:
                value = _convert(walker, branch, ns, inner, tuples)
                return (branch_name, value) if tuples else value
        raise ValueError("no union branch " + branch_name)
    if kind in ("null", "boolean", "string", "int", "long", "enum"):
        return datum
    if kind in ("float", "double"):
        value = float({"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}.get(datum, datum))
        return float32(value) if kind == "float" else value
    if kind in ("bytes", "fixed"):
        return datum.encode("latin-1")
    if kind == "array":
        return [_convert(walker, definition["items"], ns, x, tuples) for x in datum]
    if kind == "map":
        return {k: _convert(walker, definition["values"], ns, v, tuples) for k, v in datum.items()}
    if kind == "record":
        return {f["name"]: _convert(walker, f["type"], ns, datum[f["name"]], tuples) for f in definition["fields"] if f["name"] in datum}
    raise ValueError("unknown type " + str(kind))


def normalized(value):
    """A comparable form: floats by bit pattern (NaN equals NaN, -0.0 differs from 0.0); bytes as
    latin-1 text, because fastavro returns a `bytes` field's default as the JSON string it was written as."""
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, float):
        return ("float", struct.pack("<d", value))
    if isinstance(value, dict):
        return ("dict", sorted((k, normalized(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return ("list", [normalized(v) for v in value])
    return value
