import Hummingbird
import ServiceSupport

/// Reads and checks query parameters, answering 400 with every problem at once.
struct QueryReader {
    let parameters: Parameters
    var problems: [String] = []

    init(_ request: Request) {
        self.parameters = request.uri.queryParameters
    }

    /// A non-negative integer, `defaultValue` when absent; a bad value is noted.
    mutating func integer(_ name: String, default defaultValue: Int?, range: ClosedRange<Int>) -> Int? {
        guard let text = parameters.get(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : " and \(range.upperBound)"
            problems.append(
                range.upperBound == Int.max
                    ? "Query parameter '\(name)' must be an integer of at least \(range.lowerBound), not '\(text)'"
                    : "Query parameter '\(name)' must be an integer between \(range.lowerBound)\(upper), not '\(text)'")
            return nil
        }
        return value
    }

    /// Throws the 400 when anything was wrong.
    func check() throws(APIError) {
        if !problems.isEmpty { throw .badRequest(problems) }
    }
}
