import ServiceSupport

/// What `POST /dlq/replay` asks for: dead letters named by their offset in the dead-letter topic, or
/// chosen by a filter, and whether to only say what would happen (`dryRun`) or to replay again what
/// was replayed before (`force`).
public struct ReplayRequest: Sendable, Hashable {
    public enum Selection: Sendable, Hashable {
        /// Exactly these dead letters, in this order; an offset that holds none is reported as skipped.
        case offsets([Int64])
        /// Every dead letter that matches.
        case filter(ReplayFilter)
    }

    public var selection: Selection
    public var isDryRun: Bool
    public var isForced: Bool

    public init(selection: Selection, isDryRun: Bool = false, isForced: Bool = false) {
        self.selection = selection
        self.isDryRun = isDryRun
        self.isForced = isForced
    }

    /// The most offsets one request may name: a replay produces one record per offset and waits for
    /// each acknowledgement, so a bounded request keeps the answer within an HTTP client's timeout.
    public static let maximumOffsets = 1_000

    /// The largest offset an integer field takes (what ``JSONValue/integer`` reads exactly); the
    /// OpenAPI document states the same bound.
    public static let maximumOffset = 999_999_999_999_999_999

    private static let filterFields = ["category", "orderId", "fromOffset", "toOffset"]
    private static let knownFields = Set(["dlqOffsets", "dryRun", "force"] + filterFields)

    /// Checks a request body, listing every problem at once (the 400's `errors`).
    public static func validate(_ body: [String: JSONValue]) throws(APIError) -> ReplayRequest {
        var problems = body.keys.filter { !knownFields.contains($0) }.sorted().map { "Unknown field: '\($0)'" }
        let isDryRun = boolean("dryRun", in: body, problems: &problems)
        let isForced = boolean("force", in: body, problems: &problems)
        let hasFilter = filterFields.contains { body[$0] != nil }
        var selection: Selection?
        switch (body["dlqOffsets"], hasFilter) {
        case (.some, true):
            problems.append("Give either 'dlqOffsets' or a filter (category, orderId, fromOffset, toOffset), not both")
        case (.some(let value), false):
            selection = offsets(value, problems: &problems).map(Selection.offsets)
        case (.none, true):
            selection = filter(body, problems: &problems).map(Selection.filter)
        case (.none, false):
            problems.append(
                "Missing required field: 'dlqOffsets' (or a filter: category, orderId, fromOffset, toOffset)")
        }
        guard problems.isEmpty, let selection else { throw .badRequest(problems) }
        return ReplayRequest(selection: selection, isDryRun: isDryRun, isForced: isForced)
    }

    private static func boolean(_ name: String, in body: [String: JSONValue], problems: inout [String]) -> Bool {
        // `null` is refused rather than read as absent: the OpenAPI document says boolean, and a
        // request that does not match it must not be carried out.
        switch body[name] {
        case .none: return false
        case .bool(let value): return value
        case .some(let other):
            problems.append("Field '\(name)' must be a boolean, not \(other.typeName)")
            return false
        }
    }

    private static func offsets(_ value: JSONValue, problems: inout [String]) -> [Int64]? {
        guard case .array(let elements) = value, !elements.isEmpty else {
            problems.append("Field 'dlqOffsets' must be a non-empty array of offsets (integers of at least 0)")
            return nil
        }
        guard elements.count <= maximumOffsets else {
            problems.append("Field 'dlqOffsets' names \(elements.count) offsets; at most \(maximumOffsets) per request")
            return nil
        }
        var offsets: [Int64] = []
        for (position, element) in elements.enumerated() {
            guard let offset = element.integer, offset >= 0 else {
                problems.append("Field 'dlqOffsets[\(position)]' must be an integer between 0 and \(maximumOffset)")
                continue
            }
            if !offsets.contains(Int64(offset)) { offsets.append(Int64(offset)) }
        }
        return offsets
    }

    private static func filter(_ body: [String: JSONValue], problems: inout [String]) -> ReplayFilter? {
        var filter = ReplayFilter()
        switch body["category"] {
        case .none: break
        case .string(let text) where !text.isEmpty: filter.category = text
        case .some: problems.append("Field 'category' must be a non-empty string such as \"RETRY_THEN_DLQ\"")
        }
        switch body["orderId"] {
        case .none: break
        case .string(let text) where !text.isEmpty: filter.orderId = text
        case .some: problems.append("Field 'orderId' must be a non-empty string")
        }
        filter.fromOffset = offset("fromOffset", in: body, problems: &problems)
        filter.toOffset = offset("toOffset", in: body, problems: &problems)
        if let from = filter.fromOffset, let to = filter.toOffset, from > to {
            problems.append("Field 'fromOffset' (\(from)) must not be greater than 'toOffset' (\(to))")
        }
        return filter
    }

    private static func offset(_ name: String, in body: [String: JSONValue], problems: inout [String]) -> Int64? {
        guard let value = body[name] else { return nil }
        guard let offset = value.integer, offset >= 0 else {
            problems.append("Field '\(name)' must be an integer between 0 and \(maximumOffset)")
            return nil
        }
        return Int64(offset)
    }
}

/// Chooses dead letters by what they carry; every given criterion must match. The offsets are the
/// dead-letter topic's, both inclusive.
public struct ReplayFilter: Sendable, Hashable {
    public var category: String?
    public var orderId: String?
    public var fromOffset: Int64?
    public var toOffset: Int64?

    public init(category: String? = nil, orderId: String? = nil, fromOffset: Int64? = nil, toOffset: Int64? = nil) {
        self.category = category
        self.orderId = orderId
        self.fromOffset = fromOffset
        self.toOffset = toOffset
    }

    public func matches(_ letter: IndexedDeadLetter) -> Bool {
        let offset = letter.position.offset.rawValue
        if let category, letter.category != category { return false }
        if let orderId, letter.letter.orderId != orderId { return false }
        if let fromOffset, offset < fromOffset { return false }
        if let toOffset, offset > toOffset { return false }
        return true
    }
}
