enum Promotion: Sendable {
    case intToLong, intToFloat, intToDouble, longToFloat, longToDouble, floatToDouble, stringToBytes, bytesToString
}
