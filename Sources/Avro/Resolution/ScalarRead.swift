/// What a step reads when it is a scalar: the writer's type and the promotion, as a trivial value.
enum ScalarRead: Sendable {
    case null, boolean, int, long, float, double, bytes, string, fixed, enumeration
    case intToLong, intToFloat, intToDouble, longToFloat, longToDouble, floatToDouble, stringToBytes, bytesToString
    case other

    init(_ kind: ReadStep.Kind) {
        switch kind {
        case .null: self = .null
        case .boolean: self = .boolean
        case .int: self = .int
        case .long: self = .long
        case .float: self = .float
        case .double: self = .double
        case .bytes: self = .bytes
        case .string: self = .string
        case .fixed: self = .fixed
        case .enumeration: self = .enumeration
        case .promote(let promotion):
            switch promotion {
            case .intToLong: self = .intToLong
            case .intToFloat: self = .intToFloat
            case .intToDouble: self = .intToDouble
            case .longToFloat: self = .longToFloat
            case .longToDouble: self = .longToDouble
            case .floatToDouble: self = .floatToDouble
            case .stringToBytes: self = .stringToBytes
            case .bytesToString: self = .bytesToString
            }
        default: self = .other
        }
    }
}
