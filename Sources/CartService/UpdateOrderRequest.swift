import Foundation
import OrderEvents
import ServiceSupport

/// A valid `PUT /update-order` body.
struct UpdateOrderRequest: Sendable, Hashable {
    var orderId: OrderID
    var status: OrderStatus

    /// Reads and validates `body`; every problem is listed. Statuses are matched without regard to
    /// case or surrounding spaces ("Shipped " means shipped).
    static func validate(_ body: [String: JSONValue]) throws(APIError) -> UpdateOrderRequest {
        var problems: [String] = []
        let orderId = FieldReader.orderId(body, problems: &problems)
        let status = readStatus(body, problems: &problems)
        guard problems.isEmpty, let orderId, let status else { throw .badRequest(problems) }
        return UpdateOrderRequest(orderId: orderId, status: status)
    }

    private static func readStatus(_ body: [String: JSONValue], problems: inout [String]) -> OrderStatus? {
        guard let text = FieldReader.requiredString(body, "status", path: nil, problems: &problems) else { return nil }
        let normalized = text.trimmingCharacters(in: .whitespaces).lowercased()
        if normalized.isEmpty {
            problems.append("status cannot be empty")
            return nil
        }
        if normalized == OrderStatus.new.rawValue {
            problems.append("status='new' is reserved for creation. Use 'pending', 'confirmed', etc.")
            return nil
        }
        guard let status = OrderStatus(rawValue: normalized) else {
            let allowed = OrderStatus.updatable.map(\.rawValue).joined(separator: ", ")
            problems.append("Unknown status '\(text)'. Allowed: \(allowed)")
            return nil
        }
        return status
    }
}
