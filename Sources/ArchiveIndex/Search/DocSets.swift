/// Sorted lists of document numbers, combined by merging: what AND, OR and NOT come to.
extension Searcher {
    static func intersect(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                [Int32](unsafeUninitializedCapacity: min(a.count, b.count)) { out, count in
                    var i = 0, j = 0, n = 0
                    while i < a.count && j < b.count {
                        let x = a[i], y = b[j]
                        if x < y { i += 1 } else if y < x { j += 1 } else { out[n] = x; n += 1; i += 1; j += 1 }
                    }
                    count = n
                }
            }
        }
    }

    static func union(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) { out.append(a[i]); i += 1 }
            else if i == a.count || b[j] < a[i] { out.append(b[j]); j += 1 }
            else { out.append(a[i]); i += 1; j += 1 }
        }
        return out
    }

    static func subtract(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        var j = 0
        for x in a {
            while j < b.count && b[j] < x { j += 1 }
            if j == b.count || b[j] != x { out.append(x) }
        }
        return out
    }
}
