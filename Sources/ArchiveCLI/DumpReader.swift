import Foundation
import ParseCore

/// Reads one dump from disk, turning every way it can fail into a one-line message.
enum DumpReader {
    struct Failure: Error {
        let message: String
    }

    static func read(_ path: String) throws(Failure) -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw Failure(message: "\(path): no such file")
        }
        if isDir.boolValue { throw Failure(message: "\(path): is a directory") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= TextDecoding.maxDumpBytes else {
            throw Failure(message: "\(path): \(size >> 20) MB is too large for a page dump (at most \(TextDecoding.maxDumpBytes >> 20) MB)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: "\(path): cannot be read (permission denied?)")
        }
        do {
            return try TextDecoding.decode([UInt8](data))
        } catch {
            throw Failure(message: "\(path): \(error.description)")
        }
    }
}
