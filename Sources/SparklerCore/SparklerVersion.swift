/// Recorded in every picture's metadata and shown by `--version`.
public enum SparklerVersion {
    public static let current = "0.1.0"
}
