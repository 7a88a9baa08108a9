/// Where an order is in its lifecycle. The one place that lists the statuses and the moves between them.
///
/// `new` is reserved for creation: an update may never set it. The Cart Service rejects what no
/// order could ever reach; the Order Service enforces the transitions, since only it knows the
/// current status.
public enum OrderStatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case new
    case pending
    case confirmed
    case processing
    case shipped
    case delivered
    case cancelled

    public var description: String { rawValue }

    /// The statuses that an update may ask for (all but `new`).
    public static let updatable: [OrderStatus] = allCases.filter { $0 != .new }

    /// The lifecycle: the statuses each status may move to. `delivered` and `cancelled` are final.
    public static let transitions: [OrderStatus: Set<OrderStatus>] = [
        .new: [.pending, .confirmed, .cancelled],
        .pending: [.confirmed, .cancelled],
        .confirmed: [.processing, .shipped, .cancelled],
        .processing: [.shipped, .cancelled],
        .shipped: [.delivered],
        .delivered: [],
        .cancelled: [],
    ]

    /// Whether no further change is possible.
    public var isFinal: Bool { Self.transitions[self, default: []].isEmpty }

    /// What an update to `next` does to an order in this status.
    public func transition(to next: OrderStatus) -> OrderTransition {
        if next == self { return .unchanged }
        return Self.transitions[self, default: []].contains(next) ? .allowed : .forbidden
    }
}

/// The outcome of asking an order to move to a status.
public enum OrderTransition: Sendable, Hashable {
    /// The move is part of the lifecycle.
    case allowed
    /// The order already has that status: a no-op, not an error (a retried request is harmless).
    case unchanged
    /// The lifecycle does not allow it; the event goes to the dead-letter topic.
    case forbidden
}
