import NIOCore
import NIOHTTPTypes

/// One per connection: takes its place from the `ConnectionLimiter` once it is open (closing it at once when
/// there is none), and closes it when a request's head has not arrived `headerTimeout` after the connection opened
/// or its last answer ended, as a client trickling a header byte by byte never lets the idle timeout fire.
/// An answer that says `Connection: close` (a 413) closes the connection once both it and the request's body
/// have ended: a client that sends its whole body before reading gets to read the answer, not a reset.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limiter: ConnectionLimiter
    private let headerTimeout: TimeAmount
    private var admittedPeer: String?
    private var headerDeadline: Scheduled<Void>?
    private var requestEnded = false
    private var answerEnded = false
    private var closesAfterAnswer = false

    init(limiter: ConnectionLimiter, headerTimeout: TimeAmount) {
        self.limiter = limiter
        self.headerTimeout = headerTimeout
    }

    func channelActive(context: ChannelHandlerContext) {
        context.fireChannelActive()
        let peer = context.channel.remoteAddress?.ipAddress ?? "unknown"
        guard limiter.admit(peer: peer) else {
            context.close(promise: nil)
            return
        }
        admittedPeer = peer
        awaitHead(context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        headerDeadline?.cancel()
        if let peer = admittedPeer { limiter.release(peer: peer) }
        admittedPeer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            headerDeadline?.cancel()
            headerDeadline = nil
            (requestEnded, answerEnded, closesAfterAnswer) = (false, false, false)
            context.fireChannelRead(data)
        case .body:
            context.fireChannelRead(data)
        case .end:
            requestEnded = true
            context.fireChannelRead(data)
            if closesAfterAnswer && answerEnded { context.close(promise: nil) }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let answer):
            closesAfterAnswer = answer.headerFields[.connection]?.lowercased() == "close"
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            answerEnded = true
            // The next request's head is due from the end of this answer, not during the work before it; it
            // also bounds how long the rest of a refused body is read.
            awaitHead(context: context)
            guard closesAfterAnswer && requestEnded else {
                context.write(data, promise: promise)
                return
            }
            let written = promise ?? context.eventLoop.makePromise()
            let channel = context.channel
            written.futureResult.whenComplete { _ in channel.close(promise: nil) }
            context.write(data, promise: written)
        }
    }

    private func awaitHead(context: ChannelHandlerContext) {
        headerDeadline?.cancel()
        let channel = context.channel
        headerDeadline = context.eventLoop.scheduleTask(in: headerTimeout) {
            channel.close(promise: nil)
        }
    }
}
