import NIOCore
import NIOHTTPTypes

/// One per connection: takes its place from the `ConnectionLimiter` once it is open (closing it at once when
/// there is none), and closes it when a request's head has not arrived `headerTimeout` after the connection opened
/// or its last answer ended, as a client trickling a header byte by byte never lets the idle timeout fire.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limiter: ConnectionLimiter
    private let headerTimeout: TimeAmount
    private var admittedPeer: String?
    private var headerDeadline: Scheduled<Void>?

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
        if case .head = unwrapInboundIn(data) {
            headerDeadline?.cancel()
            headerDeadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // The next request's head is due from the end of this answer, not during the work before it.
        if case .end = unwrapOutboundIn(data) { awaitHead(context: context) }
        context.write(data, promise: promise)
    }

    private func awaitHead(context: ChannelHandlerContext) {
        headerDeadline?.cancel()
        let channel = context.channel
        headerDeadline = context.eventLoop.scheduleTask(in: headerTimeout) {
            channel.close(promise: nil)
        }
    }
}
