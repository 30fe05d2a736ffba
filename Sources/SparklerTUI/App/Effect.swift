import SparklerCore

/// Work that `update` asks for and the runtime carries out; results come back as events.
public enum Effect: Sendable, Equatable {
    /// Reads the input images the request names, runs it, records it in history (as an edit of
    /// `editing`'s picture when given).
    case generate(GenerationRequest, model: ModelCapabilities, editing: Int64? = nil)
    /// Finds where entry's picture is, to edit it (`AppEvent.editReady`).
    case prepareEdit(Int64)
    case cancelGeneration
    case runComparison(ComparisonPlan, model: ModelCapabilities, groupID: String)
    case cancelComparison
    case loadGroup(String)
    /// Writes the grid's pictures as one labelled PNG.
    case exportSheet(CompareState, path: String)
    case loadHistory(HistoryQuery, queryID: Int, append: Bool)
    case loadPrompts
    case setFavourite(Int64, Bool)
    case delete(Int64)
    case export(Int64, path: String)
    case loadRequest(Int64, run: Bool)
    case saveForm(FormState)
    /// Lists the directory of a path being typed, for Tab completion.
    case completePath(ParameterField, String)
    case quit
}
