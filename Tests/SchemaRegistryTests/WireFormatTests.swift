import Testing

@testable import SchemaRegistry

@Suite struct WireFormatTests {
    @Test func framesAndParses() throws {
        let framed = RegistryWireFormat.frame(schemaID: 258, body: [7, 8])
        #expect(framed == [0, 0, 0, 1, 2, 7, 8])
        let (id, body) = try RegistryWireFormat.parse(framed)
        #expect(id == 258)
        #expect(Array(body) == [7, 8])
    }
}
