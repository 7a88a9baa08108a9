import Testing

@testable import SchemaRegistryServer

@Suite struct RegistryStateTests {
    @Test func emptyStateHasNoSubjects() {
        #expect(RegistryState().subjectNames(includeDeleted: true).isEmpty)
    }
}
