import Testing
@testable import Avro

@Suite struct AvroJSONTests {
    @Test func parsesNested() throws {
        let json = try AvroJSON(parsing: #"{"a": [1, -2, 3.5, "x\u00e9", null, true]}"#)
        #expect(json.jsonText == #"{"a":[1,-2,3.5,"xé",null,true]}"#)
    }
}
