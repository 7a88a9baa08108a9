import Foundation
import OrderEvents
import OrderService
import Testing

/// The business rules, as a pure function: no store, no broker.
@Suite struct OrderLifecycleTests {
    let lifecycle = OrderLifecycle()

    @Test func createStoresTheOrderWithTwoPercentShipping() throws {
        let decision = lifecycle.decide(Sample.create("ORDER-001", total: "99.98"), key: "ORDER-001", currentStatus: nil)
        guard case .create(let stored) = decision else { Issue.record("expected a create, got \(decision)"); return }
        #expect(stored.order.orderId.rawValue == "ORDER-001")
        #expect(stored.order.status == .new)
        #expect(stored.shippingCost == Decimal(string: "2.00"))
    }

    @Test(arguments: [
        ("99.98", "2.00"),  // 1.9996 → 2.00
        ("0.25", "0.01"),  // 0.005 → 0.01 (half up)
        ("0.24", "0.00"),  // 0.0048 → 0.00
        ("12.25", "0.25"),  // 0.245 → 0.25 (half up, exact in Decimal)
        ("1999.60", "39.99"),  // 39.992
        ("0.00", "0.00"),
        ("1000000.00", "20000.00"),
    ])
    func shippingIsTwoPercentRoundedHalfUp(total: String, shipping: String) throws {
        let decision = lifecycle.decide(Sample.create("A", total: total), key: "A", currentStatus: nil)
        guard case .create(let stored) = decision else { Issue.record("expected a create"); return }
        #expect(stored.shippingCost == Decimal(string: shipping))
        #expect(Money.format(stored.shippingCost) == shipping)
    }

    @Test func aSecondCreateIsADuplicate() {
        let decision = lifecycle.decide(Sample.create("ORDER-DUP"), key: "ORDER-DUP", currentStatus: .confirmed)
        #expect(decision == .reject("Duplicate CREATE request: Order with ID 'ORDER-DUP' already exists (status 'confirmed')"))
    }

    @Test func anUpdateOfAnUnknownOrderIsRejected() {
        let decision = lifecycle.decide(Sample.update("ORDER-NONEXISTENT", to: .shipped), key: "ORDER-NONEXISTENT", currentStatus: nil)
        #expect(decision == .reject("Invalid UPDATE: Order with ID 'ORDER-NONEXISTENT' does not exist"))
    }

    @Test(arguments: [
        (OrderStatus.new, OrderStatus.confirmed, "allowed"),
        (.new, .pending, "allowed"),
        (.pending, .confirmed, "allowed"),
        (.confirmed, .shipped, "allowed"),
        (.shipped, .delivered, "allowed"),
        (.new, .cancelled, "allowed"),
        (.confirmed, .confirmed, "unchanged"),
        (.delivered, .delivered, "unchanged"),
        (.shipped, .pending, "forbidden"),
        (.delivered, .cancelled, "forbidden"),
        (.cancelled, .confirmed, "forbidden"),
        (.confirmed, .new, "forbidden"),
        (.new, .delivered, "forbidden"),
    ])
    func updatesFollowTheLifecycleTable(from current: OrderStatus, to next: OrderStatus, expected: String) {
        let decision = lifecycle.decide(Sample.update("A", to: next), key: "A", currentStatus: current)
        switch (decision, expected) {
        case (.changeStatus(let id, let from, let to), "allowed"):
            #expect(id.rawValue == "A" && from == current && to == next)
        case (.unchanged(_, let status), "unchanged"):
            #expect(status == current)
        case (.reject(let message), "forbidden"):
            #expect(message == "Forbidden transition: Order 'A' cannot move from '\(current)' to '\(next)'")
        default:
            Issue.record("\(current) → \(next): expected \(expected), got \(decision)")
        }
    }

    @Test func anUnknownStatusIsRejected() {
        let event = OrderEvent(
            orderId: OrderID(rawValue: "A"), timestamp: Sample.epoch, payload: .update(UpdateOrderPayload(status: "lost")))
        #expect(lifecycle.decide(event, key: "A", currentStatus: .new) == .reject("Invalid UPDATE for 'A': unknown status 'lost'"))
    }

    @Test func aCreateMustBeNew() {
        var order = Sample.order("A")
        order.status = .shipped
        let decision = lifecycle.decide(.create(order, at: Sample.epoch), key: "A", currentStatus: nil)
        #expect(decision == .reject("Invalid CREATE for 'A': status must be 'new', not 'shipped'"))
    }

    @Test func theKeyMustBeTheOrderId() {
        let decision = lifecycle.decide(Sample.create("A"), key: "B", currentStatus: nil)
        #expect(decision == .reject("Record key 'B' does not match the event's orderId 'A'"))
        guard case .create = lifecycle.decide(Sample.create("A"), key: nil, currentStatus: nil) else {
            Issue.record("a record without a key is accepted")
            return
        }
    }

    @Test func anInvalidOrderIdIsRejected() {
        let decision = lifecycle.decide(Sample.create("A B"), key: "A B", currentStatus: nil)
        #expect(decision == .reject("Invalid CREATE for 'A B': orderId may contain only letters, digits and - _ . :"))
    }
}
