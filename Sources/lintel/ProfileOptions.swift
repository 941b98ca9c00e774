import ArgumentParser

/// `--profile NAME`, shared by every command that reads docker-compose files: like
/// `docker compose --profile`, a service listing `profiles:` is included only when one of them is
/// active. `COMPOSE_PROFILES` (the environment, or the `.env` next to the first compose file) activates too.
struct ProfileOptions: ParsableArguments {
    @Option(name: .customLong("profile"),
            help: "Activate a compose profile (repeatable); services with `profiles:` are left out unless one of theirs is active. COMPOSE_PROFILES also activates.")
    var profiles: [String] = []
}
