// swift-tools-version:6.0
import PackageDescription

/// The libraries' hot loops mutate arrays held by classes; the runtime exclusivity check on
/// every such access cost about a fifth of the ingest time. The compile-time checks stay on.
let uncheckedExclusivity: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"])]

let package = Package(
    name: "archive",
    products: [
        .library(name: "ParseCore", targets: ["ParseCore"]),
        .library(name: "ArchiveIndex", targets: ["ArchiveIndex"]),
        .executable(name: "archive", targets: ["ArchiveCLI"]),
        .executable(name: "archive-bench", targets: ["ArchiveBench"]),
        .executable(name: "archive-train", targets: ["ArchiveTrain"]),
    ],
    targets: [
        // The place gazetteer (GB/T 2260 divisions, 2023), the GB 18030 decoding table, the word
        // tables and the line model (`make train`) are compiled into the library, so the `archive`
        // binary stands alone wherever it is installed.
        .target(name: "ParseCore", exclude: ["Resources/make_gb18030.py", "Resources/make_bigram_df.py",
                                               "Resources/fit_title_groups.py", "Resources/make_title_words.py",
                                               "Resources/make_places.py", "Resources/pca-code.json",
                                               "Resources/make_script_folding.py"],
                resources: [.embedInCode("Resources/places.txt"), .embedInCode("Resources/gb18030.bin"),
                            .embedInCode("Resources/bigram-df.bin"), .embedInCode("Resources/script-folding.bin"),
                            .embedInCode("Resources/title-words.bin"), .embedInCode("Resources/line-model.bin")],
                swiftSettings: uncheckedExclusivity),
        .target(name: "ArchiveIndex", dependencies: ["ParseCore"], swiftSettings: uncheckedExclusivity),
        .executableTarget(name: "ArchiveCLI", dependencies: ["ParseCore", "ArchiveIndex"]),
        .executableTarget(name: "ArchiveBench", dependencies: ["ParseCore", "ArchiveIndex"]),
        // The line model's trainer (`make train`, `make eval`): never linked into `archive`.
        .target(name: "LineModelTraining", dependencies: ["ParseCore"]),
        .executableTarget(name: "ArchiveTrain", dependencies: ["LineModelTraining", "ParseCore"], exclude: ["score_row.py"]),
        .testTarget(name: "ParseCoreTests", dependencies: ["ParseCore"]),
        .testTarget(name: "ArchiveIndexTests", dependencies: ["ArchiveIndex", "ParseCore"]),
        .testTarget(name: "ArchiveCLITests", dependencies: ["ArchiveCLI", "ParseCore"]),
        .testTarget(name: "LineModelTrainingTests", dependencies: ["LineModelTraining", "ParseCore"]),
    ]
)
