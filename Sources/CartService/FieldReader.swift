import Foundation
import OrderEvents
import ServiceSupport

/// Reads one field of a JSON body and records, in the seed's words, what is wrong with it.
enum FieldReader {
    static func orderId(_ body: [String: JSONValue], problems: inout [String]) -> OrderID? {
        guard let text = requiredString(body, "orderId", path: nil, problems: &problems) else { return nil }
        let found = OrderID.problems(in: text)
        problems += found
        return found.isEmpty ? OrderID(rawValue: text) : nil
    }

    static func requiredString(_ body: [String: JSONValue], _ name: String, path: String?, problems: inout [String]) -> String? {
        let field = path.map { "\($0).\(name)" } ?? name
        guard let value = body[name], value != .null else {
            problems.append("Missing required field: '\(field)'")
            return nil
        }
        guard case .string(let text) = value else {
            problems.append("Type error: Field '\(field)' must be a string")
            return nil
        }
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("\(field) cannot be empty")
            return nil
        }
        if text.count > 64 {
            problems.append("\(field) must be at most 64 characters long")
            return nil
        }
        return text
    }

    static func boundedInteger(
        _ body: [String: JSONValue], _ name: String, path: String, range: ClosedRange<Int>, problems: inout [String]
    ) -> Int? {
        let field = "\(path).\(name)"
        guard let value = body[name], value != .null else {
            problems.append("Missing required field: '\(field)'")
            return nil
        }
        guard let number = value.integer else {
            problems.append("Type error: Field '\(field)' must be an integer")
            return nil
        }
        guard range.contains(number) else {
            problems.append("\(field) must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return number
    }

    /// A positive amount with at most two decimals: a price is exact to the cent or it is wrong.
    static func price(_ body: [String: JSONValue], path: String, maximum: Decimal, problems: inout [String]) -> Decimal? {
        let field = "\(path).price"
        guard let value = body["price"], value != .null else {
            problems.append("Missing required field: '\(field)'")
            return nil
        }
        guard case .number(let amount) = value else {
            problems.append("Type error: Field '\(field)' must be a number")
            return nil
        }
        guard amount > 0, amount <= maximum else {
            problems.append("\(field) must be greater than 0 and at most \(Money.format(maximum))")
            return nil
        }
        guard Money.roundedToCents(amount) == amount else {
            problems.append("\(field) must have at most two decimals")
            return nil
        }
        return amount
    }
}
