import Foundation
import HTTPTypes
import Testing

@testable import ServiceSupport

/// `Authorization` and `X-API-Key` read as a credential; anything unreadable is malformed, with a
/// reason that never quotes the header.
@Suite struct PresentedCredentialTests {
    static func headers(_ pairs: [(String, String)]) throws -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs { fields.append(HTTPField(name: try #require(HTTPField.Name(name)), value: value)) }
        return fields
    }

    static let basic = Data("cart:s3cret-key-0123456789".utf8).base64EncodedString()

    @Test(
        arguments: [
            ([], PresentedCredential.none),
            ([("Authorization", "Bearer k-0123456789abcdef")], .bearer("k-0123456789abcdef")),
            ([("Authorization", "bearer   k-0123456789abcdef  ")], .bearer("k-0123456789abcdef")),
            ([("X-API-Key", " k-0123456789abcdef ")], .apiKey("k-0123456789abcdef")),
            ([("Authorization", "Basic \(basic)")], .basic(user: "cart", password: "s3cret-key-0123456789")),
            ([("Authorization", "Bearer")], .malformed("Authorization: Bearer needs a token")),
            ([("Authorization", "Bearer ")], .malformed("Authorization: Bearer needs a token")),
            ([("Authorization", "Bearer a b")], .malformed("Authorization: Bearer takes one token, without spaces")),
            ([("Authorization", "Basic")], .malformed("Authorization: Basic needs base64(user:password)")),
            ([("Authorization", "Basic not*base64!")], .malformed("Authorization: Basic is not base64 of UTF-8 text")),
            (
                [("Authorization", "Basic \(Data("no-colon".utf8).base64EncodedString())")],
                .malformed("Authorization: Basic must encode user:password")
            ),
            ([("Authorization", "Basic /w==")], .malformed("Authorization: Basic is not base64 of UTF-8 text")),
            ([("Authorization", "k-0123456789abcdef")], .malformed("Authorization has a scheme that is not supported; use Bearer")),
            ([("Authorization", "Digest x")], .malformed("Authorization has a scheme that is not supported; use Bearer")),
            ([("X-API-Key", "")], .malformed("X-API-Key is empty")),
            (
                [("X-API-Key", "k-0123456789abcdef"), ("Authorization", "Bearer k-0123456789abcdef")],
                .malformed("send one credential: one Authorization or one X-API-Key header")
            ),
            (
                [("Authorization", "Bearer a"), ("Authorization", "Bearer b")],
                .malformed("send one credential: one Authorization or one X-API-Key header")
            ),
        ] as [([(String, String)], PresentedCredential)])
    func headersAreReadAsOneCredential(pairs: [(String, String)], credential: PresentedCredential) throws {
        #expect(PresentedCredential(try Self.headers(pairs)) == credential)
    }
}
