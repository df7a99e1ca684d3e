/// A growable array in raw memory, for the ingest's hot loop: reading and writing an element
/// costs no reference counting and no copy-on-write check, as a Swift array held by a class does.
/// Its owner frees it with `deallocate`.
struct RawVector<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    @inline(__always) subscript(_ i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    mutating func append(_ x: Element) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        (base + count).initialize(to: x)
        count += 1
    }

    func deallocate() {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
