// swift-tools-version: 6.0
// planlint: checks plan data against declarative policy rules and reports like a compiler.
//
// Modules point one way (each imports only modules listed before it):
//   CLibYAML, SourceText, ExactNumbers → Diagnostics → YAMLTree → DiagnosticRendering
//   → RuleLanguage → SchemaValidation → RuleEngine → PlanLintKit → PlanLintCLI / LSPProtocol → PlanLintLSP → planlint
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "planlint",
    // Int128 (exact decimals) needs macOS 15 on Apple platforms; Linux has it everywhere.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PlanLintKit", targets: ["PlanLintKit"]),
        .executable(name: "planlint", targets: ["planlint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libyaml from the system (Debian: libyaml-dev), found through pkg-config.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Source files, byte ranges, line tables, column conversions. No dependencies.
        .target(name: "SourceText", swiftSettings: strict),
        // A pthread-based lock ThreadSanitizer can see (see Sources/Guarded/Guarded.swift).
        .target(name: "Guarded", swiftSettings: strict),
        // Exact decimals and rounding intervals. No dependencies.
        .target(name: "ExactNumbers", swiftSettings: strict),
        // The one regex engine (linear time), for the rule language and JSON Schema. No dependencies.
        .target(name: "LinearRegex", swiftSettings: strict),
        // The diagnostic model, the code registry and message catalogues.
        .target(name: "Diagnostics", dependencies: ["SourceText"], swiftSettings: strict),
        // libyaml events → a tree of located nodes; the YAML codes.
        .target(name: "YAMLTree", dependencies: ["CLibYAML", "SourceText", "Diagnostics"], swiftSettings: strict),
        // One renderer per output format.
        .target(name: "DiagnosticRendering", dependencies: ["Diagnostics"], swiftSettings: strict),
        // Expression language: lexer, parser, checker, evaluator, fiscal years.
        .target(name: "RuleLanguage", dependencies: ["SourceText", "ExactNumbers", "LinearRegex", "YAMLTree", "Diagnostics"], swiftSettings: strict),
        // JSON Schema (2020-12) over the located tree.
        .target(name: "SchemaValidation", dependencies: ["YAMLTree", "Diagnostics", "ExactNumbers", "LinearRegex", "Guarded"], swiftSettings: strict),
        // Rule files and configs, running rules, suppressions, baselines.
        .target(name: "RuleEngine", dependencies: ["RuleLanguage", "SchemaValidation", "Diagnostics", "YAMLTree", "Guarded"], swiftSettings: strict),
        // The lint frontend shared by the CLI and the server.
        .target(name: "PlanLintKit", dependencies: ["RuleEngine", "DiagnosticRendering", "Guarded"], swiftSettings: strict),
        // Language Server Protocol framing and message types (no linting logic).
        .target(name: "LSPProtocol", dependencies: ["Guarded", "SourceText"], swiftSettings: strict),
        // The language server.
        .target(name: "PlanLintLSP", dependencies: ["LSPProtocol", "PlanLintKit", "RuleEngine", "RuleLanguage", "SchemaValidation", "Guarded"], swiftSettings: strict),
        // Subcommands; each declares options and hands work to PlanLintKit.
        .target(
            name: "PlanLintCLI",
            dependencies: [
                "PlanLintKit", "PlanLintLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "planlint", dependencies: ["PlanLintCLI"], swiftSettings: strict),
        // Fuzz entry points (scripts/fuzz builds them with -sanitize=fuzzer) and a replay tool.
        .target(name: "FuzzTargets", dependencies: ["YAMLTree", "Diagnostics", "LSPProtocol", "ExactNumbers", "RuleLanguage", "PlanLintKit"], swiftSettings: strict),
        .executableTarget(name: "planlint-fuzz", dependencies: ["FuzzTargets"], swiftSettings: strict),

        // Finds the external test corpora pinned in Tests/Corpora/manifest.json (tests only).
        .target(name: "CorpusSupport", path: "Tests/CorpusSupport"),
        // Golden files for the tests: compare, re-record with PLANLINT_RECORD=1, diff.
        .target(name: "GoldenFiles", dependencies: ["SourceText"], path: "Tests/GoldenFiles"),

        .testTarget(name: "SourceTextTests", dependencies: ["SourceText"]),
        .testTarget(name: "ExactNumbersTests", dependencies: ["ExactNumbers"]),
        .testTarget(name: "LinearRegexTests", dependencies: ["LinearRegex"]),
        .testTarget(name: "GuardedTests", dependencies: ["Guarded"]),
        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree", "Diagnostics", "CorpusSupport"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["DiagnosticRendering", "YAMLTree", "CorpusSupport", "GoldenFiles"], exclude: ["Fixtures"]),
        .testTarget(name: "RuleLanguageTests", dependencies: ["RuleLanguage", "YAMLTree", "ExactNumbers", "SourceText"], exclude: ["Fixtures"]),
        .testTarget(name: "SchemaValidationTests", dependencies: ["SchemaValidation", "CorpusSupport", "GoldenFiles"], exclude: ["Fixtures"]),
        .testTarget(name: "RuleEngineTests", dependencies: ["RuleEngine", "PlanLintKit", "GoldenFiles"]),
        .testTarget(name: "CLITests", dependencies: ["PlanLintKit"]),
        .testTarget(name: "LSPTests", dependencies: ["PlanLintLSP", "LSPProtocol", "SourceText", "Guarded"], exclude: ["Fixtures", "nvim"]),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets"]),
    ],
    swiftLanguageModes: [.v6]
)
