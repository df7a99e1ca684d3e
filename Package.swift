// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "archive",
    products: [
        .library(name: "ParseCore", targets: ["ParseCore"]),
        .executable(name: "archive", targets: ["ArchiveCLI"]),
    ],
    targets: [
        .target(name: "ParseCore"),
        .executableTarget(name: "ArchiveCLI", dependencies: ["ParseCore"]),
        .testTarget(name: "ParseCoreTests", dependencies: ["ParseCore"]),
        .testTarget(name: "ArchiveCLITests", dependencies: ["ArchiveCLI", "ParseCore"]),
    ]
)
