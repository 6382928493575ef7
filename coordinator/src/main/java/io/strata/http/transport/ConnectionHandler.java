package io.strata.http.transport;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.strata.core.error.ErrorCode;
import io.strata.http.protocol.ErrorResponse;
import io.strata.http.protocol.ProtocolResponse;
import io.strata.http.protocol.ReceivedRequest;
import io.strata.http.protocol.RequestDispatcher;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's request loop: hands each complete request to the bounded worker pool and
 * writes the answers back in request order.
 *
 * <p>At most one request per connection is with the workers at a time, and reading pauses
 * meanwhile, so a single client cannot fill the pool and responses never overtake each other.
 * When the pool and its queue are full the request is answered {@code ThrottlingException} (429)
 * at once, from the event loop, without waiting for a worker. Unreadable HTTP gets a 400 and the
 * connection is closed, since the byte stream can no longer be trusted to frame requests.
 *
 * <p>A client that half-closes (shuts down its output) after a request still gets the answer;
 * one that half-closes in the middle of a request gets a 400. All state is touched only on the
 * channel's event loop.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
    /** Pipelined requests waiting behind the one in progress; more means a misbehaving client. */
    private static final int MAX_PIPELINED = 16;

    private record PendingRequest(ReceivedRequest request, boolean keepAlive) {
    }

    private final RequestDispatcher dispatcher;
    private final Executor workers;
    private final RequestDeadline deadline;
    private final Deque<PendingRequest> pipelined = new ArrayDeque<>();
    private boolean busy;
    private boolean closing;
    private boolean inputShutdown;

    ConnectionHandler(RequestDispatcher dispatcher, Executor workers, RequestDeadline deadline) {
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.deadline = deadline;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof FullHttpRequest http)) {
            ReferenceCountUtil.release(message);
            return;
        }
        try {
            deadline.requestComplete();
            if (closing) {
                return;
            }
            if (http.decoderResult().isFailure()) {
                respondAndClose(ctx, ErrorResponse.validation(400, "Malformed HTTP request: "
                        + describe(http.decoderResult().cause())));
                return;
            }
            PendingRequest request = new PendingRequest(toReceived(http), HttpUtil.isKeepAlive(http));
            if (!busy) {
                dispatch(ctx, request);
            } else if (pipelined.size() < MAX_PIPELINED) {
                pipelined.add(request);
            } else {
                LOG.debug("closing connection from {}: more than {} pipelined requests",
                        ctx.channel().remoteAddress(), MAX_PIPELINED);
                closing = true;
                ctx.close();
            }
        } finally {
            http.release();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof ChannelInputShutdownEvent) {
            inputShutdown = true;
            if (!busy && !closing) {
                if (deadline.receiving()) {
                    // Netty's decoder drops a request cut short by end of input without a signal.
                    respondAndClose(ctx, ErrorResponse.validation(400,
                            "The client closed its side of the connection before the request was complete."));
                } else {
                    ctx.close();
                }
            }
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
            // Resets, and connections we closed on a slow client mid-request: the client's doing.
            LOG.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("closing connection from {} after an unexpected error", ctx.channel().remoteAddress(), cause);
        }
        closing = true;
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        pipelined.clear();
        super.channelInactive(ctx);
    }

    private void dispatch(ChannelHandlerContext ctx, PendingRequest request) {
        busy = true;
        ctx.channel().config().setAutoRead(false);
        try {
            workers.execute(() -> {
                ProtocolResponse response = run(request.request());
                try {
                    ctx.executor().execute(() -> respond(ctx, response, request.keepAlive()));
                } catch (RejectedExecutionException e) {
                    LOG.debug("dropping the response to {}: the endpoint is shutting down", ctx.channel().remoteAddress());
                }
            });
        } catch (RejectedExecutionException e) {
            respond(ctx, ErrorResponse.of(ErrorCode.THROTTLING,
                    "Too many requests in progress on this node; retry with backoff.").toResponse(newRequestId()),
                    request.keepAlive());
        }
    }

    private ProtocolResponse run(ReceivedRequest request) {
        try {
            return dispatcher.dispatch(request);
        } catch (Throwable e) {
            // The dispatcher answers every exception itself; this is an Error (or a bug there).
            String requestId = newRequestId();
            LOG.error("request {} failed outside the dispatcher", requestId, e);
            return ErrorResponse.of(ErrorCode.INTERNAL_SERVER, "Internal server error. Request id: " + requestId)
                    .toResponse(requestId);
        }
    }

    private void respond(ChannelHandlerContext ctx, ProtocolResponse response, boolean keepAlive) {
        if (!ctx.channel().isActive() || closing) {
            return;
        }
        boolean close = !keepAlive || (inputShutdown && pipelined.isEmpty());
        ChannelFuture written = ctx.writeAndFlush(NettyResponses.toHttp(response, close));
        if (close) {
            closing = true;
            written.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        busy = false;
        PendingRequest next = pipelined.poll();
        if (next != null) {
            dispatch(ctx, next);
        } else {
            ctx.channel().config().setAutoRead(true);
            deadline.responseSent();
        }
    }

    private void respondAndClose(ChannelHandlerContext ctx, ErrorResponse error) {
        closing = true;
        ctx.writeAndFlush(NettyResponses.toHttp(error.toResponse(newRequestId()), true))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private static ReceivedRequest toReceived(FullHttpRequest http) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : http.headers()) {
            headers.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>(1))
                    .add(header.getValue());
        }
        return new ReceivedRequest(http.method().name(), http.uri(), headers, ByteBufUtil.getBytes(http.content()));
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        String text = message == null ? cause.getClass().getSimpleName() : message;
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
