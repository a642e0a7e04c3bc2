// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "mulu",
  products: [
    .executable(name: "mulu", targets: ["mulu"]),
    .library(name: "MuluKit", targets: ["MuluKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
    .systemLibrary(
      name: "CGzip",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    // Whole-buffer inflating, about twice as fast as zlib's (Debian: libdeflate-dev).
    .systemLibrary(
      name: "CDeflate",
      pkgConfig: "libdeflate",
      providers: [.apt(["libdeflate-dev"])]
    ),
    .systemLibrary(
      name: "CXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),

    // Work shared out over threads, knowing nothing of Git or catalogs.
    .target(name: "MuluParallel", exclude: ["README.md"]),

    // Git, knowing nothing of catalogs.
    .target(name: "MuluGit", dependencies: ["CLibGit2", "CDeflate", "MuluParallel"], exclude: ["README.md"]),

    // YAML with positions, knowing nothing of catalogs.
    .target(name: "MuluYAML", dependencies: ["CYAML"], exclude: ["README.md"]),

    // Catalogs, knowing nothing of Git: model, reader, writer, rules.
    .target(name: "MuluCatalog", dependencies: ["MuluYAML", "MuluParallel"], exclude: ["README.md"]),

    // The workflows that join Git and catalogs: validate a revision, diff, hook, sync, release.
    .target(name: "MuluKit", dependencies: ["MuluGit", "MuluCatalog", "MuluParallel"], exclude: ["README.md"]),

    // The static web catalog and JSON API of a release: `mulu publish`.
    .target(
      name: "MuluPublish", dependencies: ["MuluKit", "MuluGit", "MuluCatalog", "MuluYAML", "MuluParallel", "CGzip"],
      exclude: ["README.md"]),
    // The evaluation (评价) of a registry's departments: indicators, scores, their reports, and
    // their pages on a published site.
    .target(
      name: "MuluReport", dependencies: ["MuluKit", "MuluGit", "MuluCatalog", "MuluPublish"], exclude: ["README.md"]),
    // Spreadsheets in the Guide's columns: export, import and the blank template (xlsx, CSV).
    .target(
      name: "MuluSheets",
      dependencies: ["MuluKit", "MuluCatalog", "MuluYAML", "CXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      exclude: ["README.md"]
    ),

    // The command line.
    .executableTarget(
      name: "mulu",
      dependencies: [
        "MuluKit",
        "MuluPublish",
        "MuluReport",
        "MuluSheets",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["README.md"],
      // mimalloc (Debian libmimalloc-dev) takes the place of the C library's malloc for the
      // whole process: Swift's many small allocations cost a fifth of a publish's time in
      // glibc's allocator, and more as the heap grows (bench/RESULTS.md).
      linkerSettings: [.linkedLibrary("mimalloc")]
    ),

    // Fuzz targets (make fuzz): built as usual they replay files, such as the corpus in
    // Fuzz/corpus/; with -DFUZZING -sanitize=fuzzer,address they run under libFuzzer.
    .target(name: "MuluFuzz", dependencies: ["MuluKit", "MuluCatalog"], exclude: ["README.md"]),
    .executableTarget(name: "mulu-fuzz-resource", dependencies: ["MuluFuzz"]),
    .executableTarget(name: "mulu-fuzz-push", dependencies: ["MuluFuzz"]),

    // What the tests share: sandboxes, running programs and git, registries on disk, the built mulu.
    .target(name: "MuluTestSupport", dependencies: ["MuluCatalog"], path: "Tests/MuluTestSupport"),

    .testTarget(name: "MuluGitTests", dependencies: ["MuluGit", "MuluTestSupport"]),
    .testTarget(name: "MuluYAMLTests", dependencies: ["MuluYAML", "MuluCatalog"]),
    .testTarget(name: "MuluCatalogTests", dependencies: ["MuluCatalog", "MuluTestSupport"]),
    .testTarget(name: "MuluKitTests", dependencies: ["MuluKit", "MuluTestSupport"]),
    .testTarget(
      name: "MuluSheetsTests", dependencies: ["mulu", "MuluSheets", "MuluCatalog", "MuluTestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "MuluCLITests", dependencies: ["mulu", "MuluKit", "MuluTestSupport"]),
    .testTarget(
      name: "MuluPublishTests", dependencies: ["mulu", "MuluTestSupport"],
      exclude: ["check_api.py", "browser_check.py", "gzip_members.py"]),
  ]
)
