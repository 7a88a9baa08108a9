/// The full name of a record, enum or fixed: a simple name plus an optional dotted namespace.
///
/// Names are compared by full name. A name written with dots carries its own namespace and ignores the
/// enclosing one, as the specification says; a name without dots takes the namespace of the nearest
/// enclosing named type (or the `namespace` attribute next to it).
public struct AvroName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The simple (unqualified) name, `OrderEvent`.
    public let name: String
    /// The namespace, `com.example.orders`, or `nil` for the null namespace.
    public let namespace: String?

    /// `com.example.orders.OrderEvent`, or just `OrderEvent` in the null namespace.
    public var fullName: String {
        guard let namespace else { return name }
        return namespace + "." + name
    }

    public var description: String { fullName }

    /// Builds a name from a full name such as `com.example.OrderEvent`, without validation.
    public init(fullName: String) {
        if let dot = fullName.lastIndex(of: ".") {
            self.name = String(fullName[fullName.index(after: dot)...])
            self.namespace = String(fullName[..<dot])
        } else {
            self.name = fullName
            self.namespace = nil
        }
    }

    /// Builds a name from its simple part and namespace; an empty namespace is the null namespace.
    public init(name: String, namespace: String?) {
        self.name = name
        self.namespace = (namespace?.isEmpty ?? true) ? nil : namespace
    }

    /// Resolves a name as written in a schema: dotted names stand alone, others take `enclosing`.
    init(written: String, explicitNamespace: String?, enclosing: String?) {
        if written.contains(".") {
            self.init(fullName: written)
        } else {
            self.init(name: written, namespace: explicitNamespace ?? enclosing)
        }
    }

    public static func < (lhs: AvroName, rhs: AvroName) -> Bool { lhs.fullName < rhs.fullName }

    /// `[A-Za-z_][A-Za-z0-9_]*`: the specification's rule for names, field names and enum symbols.
    static func isValidSimpleName(_ text: String) -> Bool {
        var iterator = text.utf8.makeIterator()
        guard let first = iterator.next(), isNameStart(first) else { return false }
        while let byte = iterator.next() {
            guard isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else { return false }
        }
        return true
    }

    /// A namespace is a dot-separated sequence of valid names (or empty, the null namespace).
    static func isValidNamespace(_ text: String) -> Bool {
        text.isEmpty
            || text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
                isValidSimpleName(String($0))
            }
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }
}
