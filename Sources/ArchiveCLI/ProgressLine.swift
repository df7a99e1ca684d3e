import ArchiveIndex
import Foundation

/// An ingest's progress as one line redrawn on stderr: files, megabytes read of those to read,
/// the rate so far and the time left at that rate.
final class ProgressLine: @unchecked Sendable {
    private var started: Date?

    func show(_ p: IngestProgress) {
        let now = Date()
        let start = started ?? now
        if started == nil { started = now }
        let seconds = now.timeIntervalSince(start)
        let mb = Double(min(p.bytes, p.totalBytes)) / 1e6, totalMB = Double(p.totalBytes) / 1e6
        var line = "\r  \(min(p.files, p.totalFiles))/\(p.totalFiles) files, " + String(format: "%.1f/%.1f MB", mb, totalMB)
        if seconds > 0, mb > 0 {
            let rate = mb / seconds
            line += String(format: ", %.1f MB/s, ", rate) + Self.duration((totalMB - mb) / rate) + " left"
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    /// 42 s, 3 min 20 s, 1 h 05 min.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return String(format: "%d h %02d min", s / 3600, s % 3600 / 60)
    }
}
