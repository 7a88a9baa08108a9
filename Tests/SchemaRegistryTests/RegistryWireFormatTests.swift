import Testing

@testable import SchemaRegistry

@Suite struct RegistryWireFormatTests {
    @Test(arguments: [
        (SchemaID(1), [UInt8](), [0, 0, 0, 0, 1] as [UInt8]),
        (SchemaID(258), [7, 8], [0, 0, 0, 1, 2, 7, 8]),
        (SchemaID(rawValue: Int32.max), [], [0, 0x7f, 0xff, 0xff, 0xff]),
    ])
    func framesAndParses(id: SchemaID, body: [UInt8], framed: [UInt8]) throws {
        #expect(RegistryWireFormat.frame(schemaID: id, body: body) == framed)
        let (parsedID, parsedBody) = try RegistryWireFormat.parse(framed)
        #expect(parsedID == id)
        #expect(Array(parsedBody) == body)
    }

    @Test func versionsParseLikeConfluent() {
        #expect(SchemaVersion(parsing: "latest") == .latest)
        #expect(SchemaVersion(parsing: "-1") == .latest)
        #expect(SchemaVersion(parsing: "3") == 3)
        #expect(SchemaVersion(parsing: "0") == nil)
        #expect(SchemaVersion(parsing: "-2") == nil)
        #expect(SchemaVersion(parsing: "2147483648") == nil)
    }

    @Test func errorCodesMapBackToCodes() {
        #expect(RegistryError.Code(errorCode: 40401) == .subjectNotFound)
        #expect(RegistryError.Code(errorCode: 409) == .incompatibleSchema)
        #expect(RegistryError.Code(errorCode: 50002) == .storeTimeout)
        #expect(RegistryError.Code(errorCode: 12345) == nil)
    }
}
