import HTTPTypes

extension HTTPField.Name {
    /// `X-API-Key: KEY`, the other way to send an API key than `Authorization: Bearer KEY`.
    static let apiKey = named("X-API-Key")
    // The IETF httpapi rate-limit fields: what a client may still send, and when it may send more.
    static let rateLimitLimit = named("RateLimit-Limit")
    static let rateLimitRemaining = named("RateLimit-Remaining")
    static let rateLimitReset = named("RateLimit-Reset")

    private static func named(_ name: String) -> HTTPField.Name {
        guard let field = HTTPField.Name(name) else { preconditionFailure("\(name) is a valid field name") }
        return field
    }
}
