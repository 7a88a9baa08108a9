import OrderEvents

extension OrderEvent {
    /// The CREATE payload, or nil for another kind, so that a test can `#require` the kind it expects.
    var createPayload: CreateOrderPayload? {
        guard case .create(let payload) = payload else { return nil }
        return payload
    }

    /// The UPDATE payload, or nil for another kind.
    var updatePayload: UpdateOrderPayload? {
        guard case .update(let payload) = payload else { return nil }
        return payload
    }
}
