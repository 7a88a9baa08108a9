import Foundation
import ServiceSettings
import Testing
import TestSupport

@testable import ServiceSupport

/// `TLS_CERT_FILE` and `TLS_KEY_FILE`: both or neither, and every file that cannot serve refused at
/// start-up with one line naming the variable and the file (never a crash, never a failure per
/// connection later). Certificates are made by openssl for each test.
@Suite struct HTTPSecuritySettingsTLSTests {
    static func settings(certificate: String, key: String) -> HTTPSecuritySettings {
        var http = HTTPSecuritySettings()
        http.tlsCertificateFile = certificate
        http.tlsKeyFile = key
        return http
    }

    static func refusal(_ http: HTTPSecuritySettings) -> String? {
        do {
            _ = try http.makeServer()
            return nil
        } catch {
            return error.description
        }
    }

    @Test func theVariablesAreRead() throws {
        let table = SettingsTable<HTTPSecuritySettingsTests.Example>(Setting.httpSecurity(\.http))
        let example = try table.read(
            environment: ["TLS_CERT_FILE": "/etc/tls/cert.pem", "TLS_KEY_FILE": "/etc/tls/key.pem"], over: .init())
        #expect(example.http.tlsCertificateFile == "/etc/tls/cert.pem")
        #expect(example.http.tlsKeyFile == "/etc/tls/key.pem")
        #expect(example.http.isTLSConfigured)
        #expect(!HTTPSecuritySettings().isTLSConfigured)
    }

    @Test func aCertificateAndItsKeyServeHTTPS() async throws {
        let certificate = try await TestCertificate.make()
        defer { certificate.remove() }
        let http = Self.settings(certificate: certificate.certificateFile.path, key: certificate.keyFile.path)
        #expect(try http.makeTLSConfiguration() != nil)
        #expect(Self.refusal(http) == nil)
        #expect(try HTTPSecuritySettings().makeTLSConfiguration() == nil)
    }

    @Test func onlyOneOfTheTwoIsRefused() async throws {
        #expect(
            Self.refusal(Self.settings(certificate: "/etc/tls/cert.pem", key: ""))
                == "TLS_CERT_FILE is set but TLS_KEY_FILE is not: HTTPS needs the certificate's private key too")
        #expect(
            Self.refusal(Self.settings(certificate: "", key: "/etc/tls/key.pem"))
                == "TLS_KEY_FILE is set but TLS_CERT_FILE is not: HTTPS needs the certificate (chain) too")
    }

    @Test func unusableFilesAreNamed() async throws {
        let certificate = try await TestCertificate.make()
        let other = try await TestCertificate.make()
        defer {
            certificate.remove()
            other.remove()
        }
        let cert = certificate.certificateFile.path
        let key = certificate.keyFile.path
        let missing = "/nonexistent/cert.pem"
        let cases: [(HTTPSecuritySettings, String)] = [
            (Self.settings(certificate: missing, key: key), "TLS_CERT_FILE=\(missing) cannot be read"),
            (Self.settings(certificate: cert, key: missing), "TLS_KEY_FILE=\(missing) cannot be read"),
            // A key where the certificate belongs, and the reverse.
            (Self.settings(certificate: key, key: key), "TLS_CERT_FILE=\(key) "),
            (Self.settings(certificate: cert, key: cert), "TLS_KEY_FILE=\(cert) is not an unencrypted PEM private key"),
            (Self.settings(certificate: cert, key: other.keyFile.path), "TLS_KEY_FILE=\(other.keyFile.path) cannot serve TLS_CERT_FILE"),
        ]
        for (http, expected) in cases {
            let refusal = try #require(Self.refusal(http), "accepted: \(expected)")
            #expect(refusal.hasPrefix(expected), "\(refusal)")
            #expect(!refusal.contains("\n"), "\(refusal)")
        }
    }

    @Test func aCAFileMakesAClientConfigurationTrustingIt() async throws {
        let certificate = try await TestCertificate.make()
        defer { certificate.remove() }
        #expect(try PEMFile.clientConfiguration(trusting: "", variable: "SCHEMA_REGISTRY_CA_FILE") == nil)
        let configuration = try #require(
            try PEMFile.clientConfiguration(trusting: certificate.certificateFile.path, variable: "SCHEMA_REGISTRY_CA_FILE"))
        let trusted = try PEMFile.certificates(at: certificate.certificateFile.path, variable: "SCHEMA_REGISTRY_CA_FILE")
        #expect(configuration.trustRoots == .some(.certificates(trusted)))
        #expect(throws: SettingError.self) {
            try PEMFile.clientConfiguration(trusting: certificate.keyFile.path, variable: "SCHEMA_REGISTRY_CA_FILE")
        }
    }
}
