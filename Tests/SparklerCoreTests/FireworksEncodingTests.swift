import Foundation
@testable import SparklerCore
import Testing

/// The request and error-body building blocks, without a server.
@Suite struct FireworksEncodingTests {
    @Test func multipartBodyHasExactFraming() {
        var form = MultipartFormData(boundary: "XyZ")
        form.addField(name: "cfg_scale", value: "7")
        form.addFile(name: "init_image", fileName: "a\"b.png", contentType: "image/png", data: Data([1, 2]))
        let expected = "--XyZ\r\nContent-Disposition: form-data; name=\"cfg_scale\"\r\n\r\n7\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"init_image\"; filename=\"a%22b.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n\u{1}\u{2}\r\n--XyZ--\r\n"
        #expect(String(decoding: form.encoded(), as: UTF8.self) == expected)
        #expect(form.contentType == "multipart/form-data; boundary=XyZ")
    }

    @Test func formValuesUseTheSpellingsFireworksAccepts() {
        #expect(ParameterValue.number(7).formText == "7")
        #expect(ParameterValue.number(0.65).formText == "0.65")
        #expect(ParameterValue.flag(true).formText == "true")
        #expect(ParameterValue.integer(30).formText == "30")
    }

    @Test func baseURLsAreJoinedWithoutDoubleSlashes() throws {
        let model = ModelCapabilities.stableDiffusionXL(ModelID(account: "a b", name: "m"), displayName: "m", cfgDefault: 7)
        #expect(
            try FireworksEndpoint.url(base: "https://x.test/inference/v1///", model: model, mode: .controlNet)
                == "https://x.test/inference/v1/image_generation/accounts/a%20b/models/m/control_net"
        )
        #expect(throws: FireworksError.self) { try FireworksEndpoint.url(base: "ftp://x.test", model: model, mode: .textToImage) }
        #expect(throws: FireworksError.self) { try FireworksEndpoint.url(base: "", model: model, mode: .textToImage) }
    }

    @Test func errorMessagesAreFoundInEveryShape() {
        func message(_ text: String) -> String? { FireworksErrorBody.message(in: Data(text.utf8)) }
        #expect(message(#"{"error": {"object": "error", "type": "invalid_request_error", "message": "bad size"}}"#) == "bad size")
        #expect(message(#"{"error": {"message": "m1"}, "structured_error": {"message": "m2"}}"#) == "m1")
        #expect(message(#"{"message": "top"}"#) == "top")
        #expect(message(#"{"detail": "fastapi style"}"#) == "fastapi style")
        #expect(message(#"{"error_message": "Invalid aspect ratio 30:9"}"#) == "Invalid aspect ratio 30:9")
        #expect(message("upstream connect error") == "upstream connect error")
        #expect(message("<html><body>502</body></html>") == nil)
        #expect(message("") == nil)
        #expect(message(#"{"unrelated": 1}"#) == nil)
    }

    @Test func serverTextIsCleanedAndBounded() {
        let text = ServerText(redacting: "secret-key-123")
        #expect(text.clean("a\u{0}b\r\n\tc  secret-key-123") == "a b c [redacted]")
        #expect(text.clean(String(repeating: "x", count: 2_000)).count == ServerText.maxLength + 1)
    }

    @Test func configurationDescriptionHidesTheKey() {
        let configuration = FireworksConfiguration(apiKey: "fw_supersecret")
        #expect(!"\(configuration)".contains("fw_supersecret"))
        #expect(!String(reflecting: configuration).contains("fw_supersecret"))
    }
}
