extension Setting {
    /// `root` then `member`: how a family of settings (Kafka security, HTTP security) reaches into the
    /// struct that a service's configuration holds them in.
    public static func appending<Member, Value>(
        _ root: WritableKeyPath<Target, Member> & Sendable, _ member: WritableKeyPath<Member, Value> & Sendable
    ) -> WritableKeyPath<Target, Value> & Sendable {
        SendableKeyPath((root as WritableKeyPath<Target, Member>).appending(path: member as WritableKeyPath)).keyPath
    }
}

/// A key path made by appending two `Sendable` key paths, which is itself immutable and safe to share;
/// the type system only cannot see it through `appending(path:)`.
private struct SendableKeyPath<Root, Value>: @unchecked Sendable {
    let keyPath: WritableKeyPath<Root, Value> & Sendable

    init(_ keyPath: WritableKeyPath<Root, Value>) {
        self.keyPath = unsafeBitCast(keyPath, to: (WritableKeyPath<Root, Value> & Sendable).self)
    }
}
