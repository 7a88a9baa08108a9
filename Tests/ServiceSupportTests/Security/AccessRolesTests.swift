import Testing

@testable import ServiceSupport

/// The OAuth2 scopes that grant each role, and which roles meet which requirement.
@Suite struct AccessRolesTests {
    @Test(
        arguments: [
            ("orders:read", AccessRoles.reader),
            ("orders:write", .writer),
            ("orders:admin", .admin),
            ("openid orders:read  orders:write", [.reader, .writer]),
            ("orders:READ orders orders:delete", []),
            ("", []),
        ] as [(String, AccessRoles)])
    func scopesGrantRoles(scopes: String, roles: AccessRoles) {
        #expect(AccessRoles(scopes: scopes) == roles)
    }

    @Test func rolesAreNamedAsInAPIKeys() {
        #expect(AccessRoles(name: "Writer") == .writer)
        #expect(AccessRoles(name: "root") == nil)
        #expect("\(AccessRoles([.reader, .admin]))" == "reader+admin")
        #expect("\(AccessRoles())" == "none")
    }

    @Test(
        arguments: [
            (AccessRequirement.role(.writer), AccessRoles.writer, true),
            (.role(.writer), .reader, false),
            (.role(.writer), .admin, true),
            (.role(.reader), .writer, false),
            (.role(.admin), [.reader, .writer], false),
            (.anyOf([.reader, .writer]), .writer, true),
            (.anyOf([.reader, .writer]), [], false),
            (.open, [], true),
        ] as [(AccessRequirement, AccessRoles, Bool)])
    func requirementsAreMetByTheirRolesOrAdmin(requirement: AccessRequirement, roles: AccessRoles, met: Bool) {
        #expect(requirement.isMet(by: roles) == met)
    }
}
