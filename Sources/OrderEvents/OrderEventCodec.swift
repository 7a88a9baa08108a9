import Avro
import Foundation

/// Avro binary encoding of ``OrderEvent`` under ``OrderEventSchema`` (no framing: the Confluent wire
/// format's magic byte and schema id are the serializer's business).
///
/// Goes through `Codable` straight to bytes: no generic `AvroValue` is built on the hot path of either
/// service. Build one codec and keep it: it compiles the schema once.
public struct OrderEventCodec: Sendable {
    /// The schema events are written with.
    public let schema: AvroSchema
    private let encoder: AvroEncoder
    private let decoder: AvroDecoder

    public init() throws(AvroError) {
        let schema = try AvroSchema(parsing: OrderEventSchema.json)
        self.schema = schema
        self.encoder = try AvroEncoder(schema: schema)
        self.decoder = try AvroDecoder(schema: schema)
    }

    /// The Avro binary encoding of `event`.
    public func encode(_ event: OrderEvent) throws -> [UInt8] {
        try encoder.encode(WireOrderEvent(event))
    }

    /// Appends the Avro binary encoding of `event` to `output` (e.g. after a wire-format header).
    public func encode(_ event: OrderEvent, into output: inout [UInt8]) throws {
        try encoder.encode(WireOrderEvent(event), into: &output)
    }

    /// Decodes an event written with our own schema.
    public func decode(_ bytes: UnsafeRawBufferPointer) throws -> OrderEvent {
        try decoder.decode(WireOrderEvent.self, from: bytes).event
    }

    /// A reader for events written with another (compatible) version of the schema, resolved to ours.
    /// - Throws: `AvroError` when the writer's schema cannot be read as an order event at all.
    public func reader(forWriterSchema writer: AvroSchema) throws(AvroError) -> OrderEventReader {
        OrderEventReader(decoder: try AvroDecoder(writerSchema: writer, readerSchema: schema))
    }
}

/// Decodes order events written with one particular writer schema.
public struct OrderEventReader: Sendable {
    let decoder: AvroDecoder

    public func decode(_ bytes: UnsafeRawBufferPointer) throws -> OrderEvent {
        try decoder.decode(WireOrderEvent.self, from: bytes).event
    }
}

/// The record as the schema lays it out; `OrderEvent` keeps the Swift-friendly shape.
private struct WireOrderEvent: Codable {
    var eventType: OrderEventType
    var orderId: String
    var timestamp: Date
    var payload: WirePayload
    var requestId: String?

    init(_ event: OrderEvent) {
        eventType = event.eventType
        orderId = event.orderId.rawValue
        timestamp = event.timestamp
        payload = WirePayload(event.payload)
        requestId = event.requestId
    }

    var event: OrderEvent {
        OrderEvent(orderId: OrderID(rawValue: orderId), timestamp: timestamp, payload: payload.payload, requestId: requestId)
    }
}

/// The union `[CreateOrderPayload, UpdateOrderPayload]`: the branch is picked by the payload's
/// Swift type name, which matches the record's simple name.
private enum WirePayload: Codable {
    case create(CreateOrderPayload)
    case update(UpdateOrderPayload)

    init(_ payload: OrderEvent.Payload) {
        switch payload {
        case .create(let create): self = .create(create)
        case .update(let update): self = .update(update)
        }
    }

    var payload: OrderEvent.Payload {
        switch self {
        case .create(let create): .create(create)
        case .update(let update): .update(update)
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        switch try decoder.avroUnionBranch()?.simpleName {
        case "CreateOrderPayload": self = .create(try container.decode(CreateOrderPayload.self))
        case "UpdateOrderPayload": self = .update(try container.decode(UpdateOrderPayload.self))
        case let other:
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "payload is neither CreateOrderPayload nor UpdateOrderPayload (\(other ?? "none"))")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .create(let create): try container.encode(create)
        case .update(let update): try container.encode(update)
        }
    }
}
