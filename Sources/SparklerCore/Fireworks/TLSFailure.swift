import NIOSSL

/// Why a secure connection failed, in words. BoringSSL's own text ("error:1000007d:SSL
/// routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED at /…/handshake.cc:393") names its source files
/// and the paths it was built at, which say nothing to a user; only its reason's name is kept from it.
enum TLSFailure {
    /// nil for an error that is not about TLS.
    static func reason(for error: any Error) -> String? {
        switch error {
        case let error as NIOSSLError:
            reasonForNIOSSL(error)
        case let error as BoringSSLError:
            reasonForBoringSSL(error)
        case let error as NIOSSLExtraError where error == .failedToValidateHostname || error == .serverHostnameImpossibleToMatch:
            "the server's certificate is for another host name"
        case is NIOSSLExtraError:
            "the secure connection could not be set up"
        default:
            nil
        }
    }

    private static func reasonForNIOSSL(_ error: NIOSSLError) -> String {
        switch error {
        case .handshakeFailed(let boring), .shutdownFailed(let boring):
            reasonForBoringSSL(boring)
        case .uncleanShutdown:
            "the server ended the secure connection without closing it properly"
        case .cannotMatchULabel:
            "the server's certificate is for another host name"
        case .noCertificateToValidate, .unableToValidateCertificate:
            "the server's certificate could not be checked"
        default:
            "the secure connection failed (\(error))"
        }
    }

    private static func reasonForBoringSSL(_ error: BoringSSLError) -> String {
        switch error {
        case .sslError(let stack), .unknownError(let stack), .invalidSNIName(let stack), .failedToSetALPN(let stack):
            let names = stack.compactMap { reasonName(in: $0.description) }
            return names.lazy.compactMap(words(forReason:)).first
                ?? "the secure handshake failed" + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))")
        default:
            return "the secure handshake failed"
        }
    }

    /// `CERTIFICATE_VERIFY_FAILED` from BoringSSL's description of one error on its stack.
    static func reasonName(in description: String) -> String? {
        guard let match = description.firstMatch(of: /:([A-Z0-9_]+)(?: at |$)/) else { return nil }
        return String(match.1)
    }

    /// The reasons a user can act on; nil for the others.
    static func words(forReason name: String) -> String? {
        switch name {
        case "CERTIFICATE_VERIFY_FAILED":
            "the server's certificate is not trusted (expired, self-signed, or from an authority this machine does not know)"
        case "WRONG_VERSION_NUMBER", "HTTP_REQUEST", "PACKET_LENGTH_TOO_LONG":
            "the server did not answer in TLS (for a plain HTTP server, FIREWORKS_API_BASE starts with http://)"
        case "UNSUPPORTED_PROTOCOL", "TLSV1_ALERT_PROTOCOL_VERSION", "NO_SUPPORTED_VERSIONS_ENABLED":
            "the server and Sparkler share no TLS version"
        case "NO_SHARED_CIPHER", "SSLV3_ALERT_HANDSHAKE_FAILURE", "HANDSHAKE_FAILURE_ON_CLIENT_HELLO":
            "the server and Sparkler share no way to encrypt"
        default:
            nil
        }
    }
}
