import Foundation
import Logging
import Testing
import TestSupport

@testable import SchemaRegistry

/// The client against a real server: every call, caching, and typed errors.
@Suite struct RegistryClientTests {
    @Test func registersLooksUpAndReads() async throws {
        try await withLiveRegistry { client, _ in
            let subject = Subject.topicValue("orders")
            #expect(subject.rawValue == "orders-value")
            let id = try await client.register(Fixtures.orderV1, subject: subject)
            #expect(try await client.register(Fixtures.orderV1, subject: subject) == id)
            let found = try await client.lookup(Fixtures.orderV1, subject: subject)
            #expect(found.id == id && found.version == 1 && found.subject == subject)
            #expect(try await client.schema(id: id).contains("Order"))
            #expect(try await client.subjects() == [subject])
            #expect(try await client.versions(of: subject) == [1])
            #expect(try await client.schema(subject: subject).id == id)
            #expect(try await client.subjects(usingSchema: id) == [subject])
            #expect(try await client.versions(usingSchema: id).map(\.version) == [1])
            #expect(try await client.schemaTypes() == ["AVRO"])
            #expect(try await client.mode() == "READWRITE")
        }
    }

    @Test func configAndCompatibility() async throws {
        try await withLiveRegistry { client, _ in
            let subject: Subject = "s"
            #expect(try await client.compatibilityLevel() == .backward)
            try await client.register(Fixtures.orderV1, subject: subject)
            try await client.setCompatibilityLevel(.forward, subject: subject)
            #expect(try await client.compatibilityLevel(subject: subject, defaultToGlobal: false) == .forward)
            let result = try await client.checkCompatibility(Fixtures.orderV2, subject: subject)
            #expect(!result.isCompatible)  // v1 cannot read v2's long qty
            #expect(!result.messages.isEmpty)
            #expect(try await client.deleteCompatibilityLevel(subject: subject) == .forward)
            #expect(try await client.checkCompatibility(Fixtures.orderV2, subject: subject).isCompatible)
        }
    }

    @Test func rejectionsAreTypedAndPermanent() async throws {
        try await withLiveRegistry { client, _ in
            let subject: Subject = "s"
            try await client.register(Fixtures.orderV2, subject: subject)
            let incompatible = await #expect(throws: RegistryError.self) {
                try await client.register(Fixtures.orderV1, subject: subject)  // v1 cannot read v2 data: qty is long there
            }
            #expect(incompatible?.code == .incompatibleSchema)
            #expect(incompatible?.errorCode == 409)
            #expect(incompatible?.isTransient == false)
            let invalid = await #expect(throws: RegistryError.self) { try await client.register("{", subject: subject) }
            #expect(invalid?.code == .invalidSchema)
            #expect(invalid?.errorCode == 42201)
            let missing = await #expect(throws: RegistryError.self) { try await client.schema(id: 999) }
            #expect(missing?.code == .schemaNotFound)
            #expect(missing?.httpStatus == 404)
            let noSubject = await #expect(throws: RegistryError.self) { try await client.versions(of: "nope") }
            #expect(noSubject?.code == .subjectNotFound)
        }
    }

    @Test func deletesForgetCachedRegistrations() async throws {
        try await withLiveRegistry { client, _ in
            let subject: Subject = "s"
            let id = try await client.register(Fixtures.orderV1, subject: subject)
            #expect(try await client.deleteSubject(subject) == [1])
            let soft = await #expect(throws: RegistryError.self) { try await client.deleteSubject(subject) }
            #expect(soft?.code == .subjectSoftDeleted)
            #expect(try await client.deleteSubject(subject, permanent: true) == [1])
            let lookup = await #expect(throws: RegistryError.self) { try await client.lookup(Fixtures.orderV1, subject: subject) }
            #expect(lookup?.code == .subjectNotFound)
            #expect(try await client.register(Fixtures.orderV1, subject: subject) == id)
        }
    }

    /// Nothing listens: the call fails as transient, by its 1 s request timeout at the latest, rather than
    /// hanging (how long it takes on a loaded machine is not the test's business).
    @Test func anUnreachableRegistryIsTransientAndDoesNotHang() async throws {
        let port = try freePort()
        let client = RegistryClient(
            configuration: RegistryClientConfiguration(baseURL: "http://127.0.0.1:\(port)", requestTimeout: .seconds(1)),
            logger: Logger(label: "test")
        )
        let error = await #expect(throws: RegistryError.self) {
            try await withHangDeadline("schema(id:) from an unreachable registry") { try await client.schema(id: 1) }
        }
        #expect(error?.code == .unreachable)
        #expect(error?.isTransient == true)
    }
}
