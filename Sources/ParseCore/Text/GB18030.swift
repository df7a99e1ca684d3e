/// GB 18030 (which contains GBK and GB 2312), decoded with the table in
/// `Resources/gb18030.bin`, generated once by `Resources/make_gb18030.py` from CPython's
/// gb18030 codec. Foundation on Linux cannot decode its four-byte sequences.
enum GB18030 {
    private static let trailsPerLead = 190
    private static let table: (twoByte: [UInt16], runs: [(index: Int, scalar: UInt32, length: Int)]) = {
        let b = PackageResources.gb18030_bin
        func u16(_ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
        func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
        let cells = 126 * trailsPerLead
        let twoByte = (0..<cells).map { u16($0 * 2) }
        let count = Int(u32(cells * 2))
        let runs = (0..<count).map { r in
            let at = cells * 2 + 4 + r * 12
            return (Int(u32(at)), u32(at + 4), Int(u32(at + 8)))
        }
        return (twoByte, runs)
    }()

    /// The scalar at `i` and the bytes it takes; nil scalar for an invalid sequence (of length 1),
    /// nil altogether when the bytes end inside a sequence.
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32?, length: Int)? {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        guard c >= 0x81 && c <= 0xFE else { return (nil, 1) }
        guard i + 1 < b.count else { return nil }
        let d = b[i + 1]
        if (0x40...0x7E).contains(d) || (0x80...0xFE).contains(d) {
            let trail = Int(d) - (d < 0x80 ? 0x40 : 0x41)
            let v = table.twoByte[(Int(c) - 0x81) * trailsPerLead + trail]
            return v == 0 ? (nil, 1) : (UInt32(v), 2)
        }
        guard (0x30...0x39).contains(d) else { return (nil, 1) }
        guard i + 3 < b.count else { return nil }
        let e = b[i + 2], f = b[i + 3]
        guard (0x81...0xFE).contains(e), (0x30...0x39).contains(f) else { return (nil, 1) }
        let linear = ((Int(c) - 0x81) * 10 + Int(d) - 0x30) * 1260 + (Int(e) - 0x81) * 10 + Int(f) - 0x30
        if c >= 0x90 {
            let v = 0x10000 + linear - (0x90 - 0x81) * 12600
            return v <= 0x10FFFF ? (UInt32(v), 4) : (nil, 1)
        }
        // The BMP's four-byte codes: runs of consecutive indexes and scalars.
        var lo = 0, hi = table.runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if table.runs[mid].index <= linear { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return (nil, 1) }
        let run = table.runs[lo - 1]
        guard linear < run.index + run.length else { return (nil, 1) }
        let v = run.scalar + UInt32(linear - run.index)
        return v <= 0xFFFF ? (v, 4) : (nil, 1)
    }
}
