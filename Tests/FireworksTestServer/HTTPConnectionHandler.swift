import Foundation
import SparklerCore
import NIOCore
import NIOHTTP1

/// Reads whole requests off one connection and carries out the plan the server core decides.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private static let maxBodyBytes = 64 << 20

    private let core: ServerCore
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()

    init(core: ServerCore) {
        self.core = core
    }

    func channelActive(context: ChannelHandlerContext) {
        core.opened(context.channel)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        core.closed(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
        case .body(var chunk):
            guard body.readableBytes + chunk.readableBytes <= Self.maxBodyBytes else {
                context.close(promise: nil)
                return
            }
            body.writeBuffer(&chunk)
        case .end:
            guard let head else { return }
            self.head = nil
            let request = RecordedRequest(head: head, body: Data(body.readableBytesView))
            perform(core.receive(request), context: context, keepAlive: head.isKeepAlive)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func perform(_ plan: ResponsePlan, context: ChannelHandlerContext, keepAlive: Bool) {
        switch plan {
        case .respond(let status, let headers, let body):
            writeHead(status: status, headers: headers, contentLength: body.count, context: context)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
            let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
            if !keepAlive {
                written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            }
        case .cutShort(let status, let headers, let body, let sendBytes):
            writeHead(status: status, headers: headers, contentLength: body.count, context: context)
            let part = ByteBuffer(bytes: body.prefix(max(0, min(sendBytes, body.count - 1))))
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(part))))
                .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        case .hang:
            break
        case .after(let delay, let next):
            let (seconds, attoseconds) = delay.components
            let amount = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
            context.eventLoop.assumeIsolated().scheduleTask(in: amount) {
                self.perform(next, context: context, keepAlive: keepAlive)
            }
        case .whenOpen(let gate, let next):
            let loop = context.eventLoop
            let bound = NIOLoopBound((handler: self, context: context), eventLoop: loop)
            gate.whenOpen {
                loop.execute { bound.value.handler.perform(next, context: bound.value.context, keepAlive: keepAlive) }
            }
        }
    }

    private func writeHead(status: Int, headers: [String: String], contentLength: Int, context: ChannelHandlerContext) {
        var fields = HTTPHeaders()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            fields.add(name: name, value: value)
        }
        fields.replaceOrAdd(name: "Content-Length", value: String(contentLength))
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: fields)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
    }
}

extension RecordedRequest {
    init(head: HTTPRequestHead, body: Data) {
        let headers = head.headers.map { (name: $0.name, value: $0.value) }
        self.init(method: head.method.rawValue, uri: head.uri, headers: headers, body: body, fields: [:], json: nil, files: [:])
        let contentType = header("Content-Type") ?? ""
        if contentType.lowercased().hasPrefix("application/json"),
           let object = try? JSONDecoder().decode([String: JSONValue].self, from: body) {
            json = object
            fields = object.compactMapValues(\.formText)
        } else if let boundary = MultipartParser.boundary(in: contentType) {
            do {
                let parsed = try MultipartParser.parse(body, boundary: boundary)
                fields = parsed.fields
                files = parsed.files
            } catch {
                bodyProblem = String(describing: error)
            }
        }
    }
}
