import Avro
import Foundation

/// The union payload: encoded through its wrapped record, decoded by the branch the data holds.
public enum OrderPayload: Codable, Hashable, Sendable {
    case create(CreateOrderPayload)
    case update(UpdateOrderPayload)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        switch try decoder.avroUnionBranch()?.simpleName {
        case "CreateOrderPayload": self = .create(try container.decode(CreateOrderPayload.self))
        default: self = .update(try container.decode(UpdateOrderPayload.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .create(let payload): try container.encode(payload)
        case .update(let payload): try container.encode(payload)
        }
    }
}

public struct CreateOrderPayload: Codable, Hashable, Sendable {
    public var customerId: String
    public var orderDate: Date
    public var items: [OrderItem]
    public var totalAmount: Decimal
    public var currency: String
    public var status: String

    public init(customerId: String, orderDate: Date, items: [OrderItem], totalAmount: Decimal, currency: String, status: String) {
        self.customerId = customerId
        self.orderDate = orderDate
        self.items = items
        self.totalAmount = totalAmount
        self.currency = currency
        self.status = status
    }
}

public struct OrderItem: Codable, Hashable, Sendable {
    public var itemId: String
    public var quantity: Int32
    public var price: Decimal

    public init(itemId: String, quantity: Int32, price: Decimal) {
        self.itemId = itemId
        self.quantity = quantity
        self.price = price
    }
}

public struct UpdateOrderPayload: Codable, Hashable, Sendable {
    public var status: String

    public init(status: String) {
        self.status = status
    }
}
