import Foundation
import Testing

/// A throwaway PostgreSQL cluster: initdb in a temporary directory, listening only on a Unix socket
/// in that directory (no TCP port), stopped by `stop()`.
///
/// PostgreSQL refuses to run as root; as root (CI) the cluster belongs to the `postgres` user the
/// Debian package creates and is run through `runuser`.
final class PostgresCluster {
    let directory: URL
    let binaries: String
    let port = 5432
    private let runAs: String?

    /// The newest installed server's bin directory (Debian: /usr/lib/postgresql/N/bin), or PATH's initdb.
    static func binDirectory() -> String? {
        let base = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []).compactMap(Int.init).sorted()
        if let newest = versions.last { return "\(base)/\(newest)/bin" }
        return Tools.find("initdb").map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
    }

    init() throws {
        let bin = try #require(Self.binDirectory(), "PostgreSQL is needed: apt-get install postgresql (scripts/test installs it)")
        binaries = bin
        directory = try Tools.temporaryDirectory("lintel-pg")
        runAs = getuid() == 0 ? "postgres" : nil
        if let runAs {
            _ = try Tools.run("/bin/chown", ["-R", runAs, directory.path])
        }
        let data = directory.appendingPathComponent("data").path
        let initdb = try command("\(bin)/initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
        try #require(initdb.status == 0, "initdb failed: \(initdb.stderr)")
        let options = "-k \(directory.path) -p \(port) -c listen_addresses='' -c fsync=off"
        let log = directory.appendingPathComponent("log")
        let start = try command("\(bin)/pg_ctl", ["start", "-w", "-D", data, "-l", log.path, "-o", options])
        try #require(start.status == 0, "pg_ctl start failed: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    /// Runs a server binary as the cluster's owner.
    private func command(_ executable: String, _ arguments: [String]) throws -> ToolResult {
        if let runAs {
            return try Tools.run("/sbin/runuser", ["-u", runAs, "--", executable] + arguments)
        }
        return try Tools.run(executable, arguments)
    }

    func stop() {
        _ = try? command("\(binaries)/pg_ctl", ["stop", "-m", "immediate", "-D", directory.appendingPathComponent("data").path])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs SQL with psql (stopping at the first error) in `database`.
    func psql(_ sql: String, database: String = "postgres") throws -> ToolResult {
        let client = FileManager.default.isExecutableFile(atPath: "\(binaries)/psql") ? "\(binaries)/psql" : (Tools.find("psql") ?? "psql")
        return try Tools.run(client, ["-h", directory.path, "-p", String(port), "-U", "postgres", "-d", database,
                                      "-v", "ON_ERROR_STOP=1", "-X", "-q", "-A", "-t"], input: sql)
    }
}
