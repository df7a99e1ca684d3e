// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "archive",
    products: [
        .library(name: "ParseCore", targets: ["ParseCore"]),
        .library(name: "ArchiveIndex", targets: ["ArchiveIndex"]),
        .executable(name: "archive", targets: ["ArchiveCLI"]),
        .executable(name: "archive-bench", targets: ["ArchiveBench"]),
    ],
    targets: [
        .target(name: "ParseCore", swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        .target(name: "ArchiveIndex", dependencies: ["ParseCore"], swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        .executableTarget(name: "ArchiveCLI", dependencies: ["ParseCore", "ArchiveIndex"]),
        .executableTarget(name: "ArchiveBench", dependencies: ["ParseCore", "ArchiveIndex"]),
        .testTarget(name: "ParseCoreTests", dependencies: ["ParseCore"]),
        .testTarget(name: "ArchiveIndexTests", dependencies: ["ArchiveIndex", "ParseCore"]),
        .testTarget(name: "ArchiveCLITests", dependencies: ["ArchiveCLI", "ParseCore"]),
    ]
)
