import Avro
import Foundation

/// The union payload: encoded through its wrapped record, decoded by the branch the data holds.
enum OrderPayload: Codable, Hashable, Sendable {
    case create(CreateOrderPayload)
    case update(UpdateOrderPayload)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        switch try decoder.avroUnionBranch()?.simpleName {
        case "CreateOrderPayload": self = .create(try container.decode(CreateOrderPayload.self))
        default: self = .update(try container.decode(UpdateOrderPayload.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .create(let payload): try container.encode(payload)
        case .update(let payload): try container.encode(payload)
        }
    }
}

struct CreateOrderPayload: Codable, Hashable, Sendable {
    var customerId: String
    var orderDate: Date
    var items: [OrderItem]
    var totalAmount: Decimal
    var currency: String
    var status: String
}

struct OrderItem: Codable, Hashable, Sendable {
    var itemId: String
    var quantity: Int32
    var price: Decimal
}

struct UpdateOrderPayload: Codable, Hashable, Sendable {
    var status: String
}
