extension Duration {
    /// The duration as a number of seconds, for messages ("retrying in 2.5 s").
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
