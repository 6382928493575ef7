package io.strata.http.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose client is too slow: one that takes longer than the request-read
 * timeout from the first byte of a request to its last (a trickle of bytes does not reset it, so
 * slowloris-style senders are cut off too), or that stays idle between requests longer than the
 * idle timeout. While a complete request is being handled no clock runs: that time is ours.
 *
 * <p>Sits first in the pipeline, on raw bytes. Called only on the channel's event loop.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);

    private enum State { IDLE, RECEIVING, PROCESSING }

    private final long requestReadNanos;
    private final long idleNanos;
    private ChannelHandlerContext context;
    private State state = State.IDLE;
    private ScheduledFuture<?> timer;

    RequestDeadline(Duration requestReadTimeout, Duration idleTimeout) {
        this.requestReadNanos = requestReadTimeout.toNanos();
        this.idleNanos = idleTimeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm(idleNanos, "idle");
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (state == State.IDLE) {
            state = State.RECEIVING;
            arm(requestReadNanos, "request not complete in time");
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    /** Whether part of a request has arrived but not all of it. */
    boolean receiving() {
        return state == State.RECEIVING;
    }

    /** A whole request arrived and is being handled. */
    void requestComplete() {
        state = State.PROCESSING;
        cancel();
    }

    /** The last response went out; the connection waits for the next request. */
    void responseSent() {
        state = State.IDLE;
        arm(idleNanos, "idle");
    }

    private void arm(long nanos, String reason) {
        cancel();
        timer = context.executor().schedule(() -> expire(reason), nanos, TimeUnit.NANOSECONDS);
    }

    private void expire(String reason) {
        LOG.debug("closing connection from {}: {}", context.channel().remoteAddress(), reason);
        context.close();
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
