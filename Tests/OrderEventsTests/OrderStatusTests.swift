import OrderEvents
import Testing

@Suite struct OrderStatusTests {
    @Test(arguments: [
        (OrderStatus.new, OrderStatus.pending, OrderTransition.allowed),
        (.new, .confirmed, .allowed),
        (.new, .cancelled, .allowed),
        (.new, .shipped, .forbidden),
        (.new, .new, .unchanged),
        (.pending, .confirmed, .allowed),
        (.pending, .processing, .forbidden),
        (.confirmed, .processing, .allowed),
        (.confirmed, .shipped, .allowed),
        (.confirmed, .pending, .forbidden),
        (.processing, .shipped, .allowed),
        (.processing, .cancelled, .allowed),
        (.shipped, .delivered, .allowed),
        (.shipped, .cancelled, .forbidden),
        (.delivered, .cancelled, .forbidden),
        (.delivered, .delivered, .unchanged),
        (.cancelled, .confirmed, .forbidden),
    ])
    func lifecycle(from: OrderStatus, to: OrderStatus, expected: OrderTransition) {
        #expect(from.transition(to: to) == expected)
    }

    @Test func finalStatuses() {
        #expect(OrderStatus.allCases.filter(\.isFinal) == [.delivered, .cancelled])
    }

    @Test func newIsNotUpdatable() {
        #expect(!OrderStatus.updatable.contains(.new))
        #expect(OrderStatus.updatable.count == OrderStatus.allCases.count - 1)
    }
}

@Suite struct OrderIDTests {
    @Test(arguments: ["ORDER-001", "a", "A.b_c:d-9", String(repeating: "x", count: 64)])
    func valid(_ text: String) {
        #expect(OrderID(validating: text)?.rawValue == text)
        #expect(OrderID.problems(in: text).isEmpty)
    }

    @Test(arguments: [
        ("", "orderId cannot be empty"),
        ("   ", "orderId cannot be empty"),
        ("ORDER 1", "orderId may contain only letters, digits and - _ . :"),
        ("ÖRDER", "orderId may contain only letters, digits and - _ . :"),
        (String(repeating: "x", count: 65), "orderId must be at most 64 characters long"),
    ])
    func invalid(_ text: String, problem: String) {
        #expect(OrderID(validating: text) == nil)
        #expect(OrderID.problems(in: text).contains(problem))
    }
}
