// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "mulu",
  products: [
    .executable(name: "mulu", targets: ["mulu"]),
    .library(name: "MuluKit", targets: ["MuluKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // C libraries, from the system (Debian: libgit2-dev, libyaml-dev).
    .systemLibrary(
      name: "CLibGit2",
      pkgConfig: "libgit2",
      providers: [.apt(["libgit2-dev"])]
    ),
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),

    // Git, knowing nothing of catalogs.
    .target(name: "MuluGit", dependencies: ["CLibGit2"]),

    // YAML with positions, knowing nothing of catalogs.
    .target(name: "MuluYAML", dependencies: ["CYAML"]),

    // Catalogs, knowing nothing of Git: model, reader, writer, rules.
    .target(name: "MuluCatalog", dependencies: ["MuluYAML"]),

    // The workflows that join Git and catalogs: validate a revision, diff, hook, sync, release.
    .target(name: "MuluKit", dependencies: ["MuluGit", "MuluCatalog"]),

    // The command line.
    .executableTarget(
      name: "mulu",
      dependencies: [
        "MuluKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // Fuzz targets (make fuzz): built as usual they replay files, such as the corpus in
    // Fuzz/corpus/; with -DFUZZING -sanitize=fuzzer,address they run under libFuzzer.
    .target(name: "MuluFuzz", dependencies: ["MuluKit", "MuluCatalog"]),
    .executableTarget(name: "mulu-fuzz-resource", dependencies: ["MuluFuzz"]),
    .executableTarget(name: "mulu-fuzz-push", dependencies: ["MuluFuzz"]),

    // What the tests share: sandboxes, running programs and git, registries on disk, the built mulu.
    .target(name: "MuluTestSupport", dependencies: ["MuluCatalog"], path: "Tests/MuluTestSupport"),

    .testTarget(name: "MuluGitTests", dependencies: ["MuluGit", "MuluTestSupport"]),
    .testTarget(name: "MuluYAMLTests", dependencies: ["MuluYAML"]),
    .testTarget(name: "MuluCatalogTests", dependencies: ["MuluCatalog", "MuluTestSupport"]),
    .testTarget(name: "MuluKitTests", dependencies: ["MuluKit", "MuluTestSupport"]),
    .testTarget(name: "MuluCLITests", dependencies: ["mulu", "MuluKit", "MuluTestSupport"]),
  ]
)
