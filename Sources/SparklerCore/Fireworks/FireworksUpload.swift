/// An image sent with a request, as error messages name it.
public struct FireworksUpload: Sendable, Equatable {
    /// `init image` or `control image`.
    public var role: String
    public var fileName: String
    public var byteCount: Int

    public init(role: String, fileName: String, byteCount: Int) {
        self.role = role
        self.fileName = fileName
        self.byteCount = byteCount
    }
}
