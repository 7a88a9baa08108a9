import Logging
import ServiceSettings
import Testing

/// The table reads the environment and flags into a configuration, refuses bad values with one line
/// naming the variable, and describes every setting for `--help`.
@Suite struct SettingsTableTests {
    struct Example: Sendable {
        var host = "127.0.0.1"
        var port = 8000
        var timeout: Duration = .seconds(5)
        var mode = Mode.stop
        var level = Logger.Level.info
    }

    enum Mode: Sendable { case stop, reset }

    static let table = SettingsTable<Example>([
        .text("EX_HOST", flag: "host", \.host, help: "interface"),
        .port("EX_PORT", flag: "port", \.port, help: "HTTP port"),
        .seconds("EX_TIMEOUT", flag: "timeout", \.timeout, help: "wait"),
        .choice("EX_MODE", flag: "mode", \.mode, ["stop": .stop, "reset-store": .reset], help: "policy"),
        .logLevel(\.level),
    ])

    func read(_ environment: [String: String], _ arguments: [String] = []) throws(SettingError) -> Example {
        try Self.table.read(environment: environment, arguments: arguments, over: Example())
    }

    @Test func environmentSetsEachKindOfValue() throws {
        let example = try read([
            "EX_HOST": "0.0.0.0", "EX_PORT": "18000", "EX_TIMEOUT": "0.25", "EX_MODE": "reset-store", "LOG_LEVEL": "WARNING",
        ])
        #expect(example.host == "0.0.0.0")
        #expect(example.port == 18000)
        #expect(example.timeout == .milliseconds(250))
        #expect(example.mode == .reset)
        #expect(example.level == .warning)
    }

    @Test func absentAndBlankVariablesKeepTheDefaults() throws {
        let example = try read(["EX_PORT": "  ", "OTHER": "x"])
        #expect(example.port == 8000)
        #expect(example.host == "127.0.0.1")
    }

    @Test func flagsWinOverTheEnvironmentInBothForms() throws {
        let example = try read(["EX_PORT": "18000", "EX_HOST": "a"], ["--port", "19000", "--host=b"])
        #expect(example.port == 19000)
        #expect(example.host == "b")
    }

    @Test(arguments: [
        (["EX_PORT": "80x"], "EX_PORT='80x' is not valid: expected integer 1…65535"),
        (["EX_PORT": "70000"], "EX_PORT='70000' is not valid: expected integer 1…65535"),
        (["EX_TIMEOUT": "-1"], "EX_TIMEOUT='-1' is not valid: expected seconds"),
        (["EX_MODE": "wipe"], "EX_MODE='wipe' is not valid: expected stop|reset-store"),
        (["LOG_LEVEL": "loud"], "LOG_LEVEL='loud' is not valid: expected trace|debug|info|notice|warning|error|critical"),
    ])
    func invalidValuesNameTheVariable(environment: [String: String], message: String) {
        do {
            _ = try read(environment)
            Issue.record("\(environment) was accepted")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test(arguments: [
        (["--prot", "1"], "unknown option '--prot'; see --help"),
        (["--port"], "--port needs a value (integer 1…65535)"),
        (["8000"], "unexpected argument '8000'; see --help"),
        (["--port", "x"], "--port (EX_PORT) 'x' is not valid: expected integer 1…65535"),
    ])
    func badCommandLinesSayWhatIsWrong(arguments: [String], message: String) {
        do {
            _ = try read([:], arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func helpListsEveryFlagVariableAndDefault() {
        let help = Self.table.help(defaults: Example())
        #expect(help.contains("--port <integer 1…65535>  [EX_PORT]\n      HTTP port (default: 8000)"))
        #expect(help.contains("--timeout <seconds>  [EX_TIMEOUT]\n      wait (default: 5)"))
        #expect(help.contains("[EX_MODE]\n      policy (default: stop)"))
        #expect(help.contains("[LOG_LEVEL]"))
    }

    @Test func fractionalSecondsShowAsWritten() {
        #expect(SettingFormat.seconds(.milliseconds(20)) == "0.02")
        #expect(SettingFormat.seconds(.seconds(30)) == "30")
        #expect(SettingFormat.seconds(.milliseconds(1500)) == "1.5")
    }
}
