import OrderEvents

/// Turns a record's value into an order event, or says precisely why not.
///
/// The production decoder reads the Confluent wire format and the registry
/// (``RegistryOrderEventDecoder``); tests may pass their own.
public protocol OrderEventDecoding: Sendable {
    /// - Throws: a ``RecordFailure``: `.wrongMagicByte`, `.truncatedFrame`, `.unknownSchemaID`,
    ///   `.undecodable` for bad bytes (dead-lettered at once), `.infrastructure` when the registry
    ///   cannot be reached (retried until it can).
    func decode(_ value: [UInt8]) async throws(RecordFailure) -> OrderEvent
}
