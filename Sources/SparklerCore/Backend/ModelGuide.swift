/// What a model with a fixed vocabulary understands, for people: the kinds of pictures it makes and the
/// words for each, every word it knows, and example prompts to start from (the offline engine's model).
public struct ModelGuide: Sendable, Equatable {
    /// One kind of thing the model draws and the words that choose it: "Times of day: day, sunset, …".
    public struct Topic: Sendable, Equatable {
        public var title: String
        public var words: [String]

        public init(title: String, words: [String]) {
            self.title = title
            self.words = words
        }
    }

    public var topics: [Topic]
    /// Every word it knows, alphabetically.
    public var words: [String]
    public var examples: [String]
    /// Words past this many are dropped.
    public var wordLimit: Int

    public init(topics: [Topic], words: [String], examples: [String], wordLimit: Int) {
        self.topics = topics
        self.words = words
        self.examples = examples
        self.wordLimit = wordLimit
    }
}
