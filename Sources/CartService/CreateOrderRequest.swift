import Foundation
import OrderEvents
import ServiceSupport

/// A valid `POST /create-order` body: the order id, and either a count of items to generate (the
/// seed's form) or the client's own customer and items.
struct CreateOrderRequest: Sendable, Hashable {
    var orderId: OrderID
    var itemsCount: Int
    var customerId: String?
    var items: [OrderItem]?

    /// Reads and validates `body`, collecting every problem before it throws, so that one answer
    /// tells the client all that is wrong.
    static func validate(_ body: [String: JSONValue], limits: CartLimits) throws(APIError) -> CreateOrderRequest {
        var problems: [String] = []
        let orderId = FieldReader.orderId(body, problems: &problems)
        // `"items": null` counts as absent, as in `readItems`; then itemsCount is required.
        let hasItems = body["items", default: .null] != .null
        let itemsCount = readItemsCount(body, required: !hasItems, limits: limits, problems: &problems)
        let customerId = readCustomerId(body, problems: &problems)
        let items = readItems(body, limits: limits, problems: &problems)
        if let items, let itemsCount, items.count != itemsCount {
            problems.append("itemsCount (\(itemsCount)) does not match the number of items (\(items.count))")
        }
        guard problems.isEmpty, let orderId, let count = itemsCount ?? items?.count else {
            throw .badRequest(problems)
        }
        return CreateOrderRequest(orderId: orderId, itemsCount: count, customerId: customerId, items: items)
    }

    private static func readItemsCount(
        _ body: [String: JSONValue], required: Bool, limits: CartLimits, problems: inout [String]
    ) -> Int? {
        guard let value = body["itemsCount"], value != .null else {
            if required { problems.append("Missing required field: 'itemsCount'") }
            return nil
        }
        guard let count = value.integer else {
            problems.append("Type error: Field 'itemsCount' must be an integer")
            return nil
        }
        if count <= 0 {
            problems.append("itemsCount must be positive")
        } else if count > limits.maximumItems {
            problems.append("itemsCount must be at most \(limits.maximumItems)")
        }
        return count
    }

    private static func readCustomerId(_ body: [String: JSONValue], problems: inout [String]) -> String? {
        guard let value = body["customerId"], value != .null else { return nil }
        guard case .string(let text) = value else {
            problems.append("Type error: Field 'customerId' must be a string")
            return nil
        }
        problems += OrderID.problems(in: text).map { $0.replacingOccurrences(of: "orderId", with: "customerId") }
        return text
    }

    private static func readItems(_ body: [String: JSONValue], limits: CartLimits, problems: inout [String]) -> [OrderItem]? {
        guard let value = body["items"], value != .null else { return nil }
        guard case .array(let elements) = value else {
            problems.append("Type error: Field 'items' must be an array")
            return nil
        }
        if elements.isEmpty { problems.append("items must not be empty") }
        if elements.count > limits.maximumItems { problems.append("items must hold at most \(limits.maximumItems) items") }
        let items = elements.prefix(limits.maximumItems).enumerated().map { index, element in
            readItem(element, path: "items[\(index)]", limits: limits, problems: &problems)
        }
        return items.contains(nil) ? nil : items.compactMap { $0 }
    }

    private static func readItem(_ value: JSONValue, path: String, limits: CartLimits, problems: inout [String]) -> OrderItem? {
        guard case .object(let fields) = value else {
            problems.append("Type error: Field '\(path)' must be an object")
            return nil
        }
        let before = problems.count
        let itemId = FieldReader.requiredString(fields, "itemId", path: path, problems: &problems)
        let quantity = FieldReader.boundedInteger(fields, "quantity", path: path, range: 1...limits.maximumQuantity, problems: &problems)
        let price = FieldReader.price(fields, path: path, maximum: limits.maximumPrice, problems: &problems)
        guard problems.count == before, let itemId, let quantity, let price else { return nil }
        return OrderItem(itemId: itemId, quantity: Int32(quantity), price: price)
    }
}
