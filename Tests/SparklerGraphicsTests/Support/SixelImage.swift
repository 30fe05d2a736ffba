/// A sixel sequence decoded for tests: its declared size, its colour registers and the register drawn at
/// each pixel (nil where nothing was drawn, which a terminal leaves transparent with P2=1).
struct SixelImage {
    var width = 0
    var height = 0
    var registers: [Int: (Int, Int, Int)] = [:]
    var drawn: [Int: Int] = [:]

    init(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        guard let start = bytes.firstIndex(of: UInt8(ascii: "q")) else { return }
        var index = start + 1
        var (x, band, register) = (0, 0, 0)
        func number() -> Int {
            var value = 0
            while index < bytes.count, (48...57).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
            }
            return value
        }
        func numbers() -> [Int] {
            var values = [number()]
            while index < bytes.count, bytes[index] == UInt8(ascii: ";") {
                index += 1
                values.append(number())
            }
            return values
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                let values = numbers()
                if values.count >= 4 { (width, height) = (values[2], values[3]) }
            case UInt8(ascii: "#"):
                index += 1
                let values = numbers()
                register = values[0]
                if values.count >= 5 { registers[register] = (values[2], values[3], values[4]) }
            case UInt8(ascii: "$"):
                x = 0
                index += 1
            case UInt8(ascii: "-"):
                (x, band) = (0, band + 1)
                index += 1
            case UInt8(ascii: "!"):
                index += 1
                let count = number()
                draw(bytes[index], count: count, x: &x, band: band, register: register)
                index += 1
            case 63...126:
                draw(byte, count: 1, x: &x, band: band, register: register)
                index += 1
            default:
                index += 1
            }
        }
    }

    private mutating func draw(_ byte: UInt8, count: Int, x: inout Int, band: Int, register: Int) {
        let bits = Int(byte) - 63
        for _ in 0..<count {
            for row in 0..<6 where bits & (1 << row) != 0 {
                drawn[(band * 6 + row) * 100_000 + x] = register
            }
            x += 1
        }
    }

    func register(x: Int, y: Int) -> Int? { drawn[y * 100_000 + x] }
}
