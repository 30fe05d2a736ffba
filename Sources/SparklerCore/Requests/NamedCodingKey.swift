/// A coding key made from any name: for JSON objects whose keys are data (wire field names, option names).
struct NamedCodingKey: CodingKey {
    let stringValue: String
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}
