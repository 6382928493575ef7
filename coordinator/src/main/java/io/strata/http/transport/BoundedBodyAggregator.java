package io.strata.http.transport;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import io.strata.http.protocol.ErrorResponse;
import io.strata.http.protocol.ProtocolResponse;
import java.util.UUID;

/**
 * Collects a request body up to the configured limit and answers a larger one with an AWS-shaped
 * 413 before reading it (a declared Content-Length is checked on the headers), then closes the
 * connection: the rest of the oversized body is not worth reading.
 */
final class BoundedBodyAggregator extends HttpObjectAggregator {
    private final int maxBodyBytes;

    BoundedBodyAggregator(int maxBodyBytes) {
        super(maxBodyBytes, true);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.writeAndFlush(NettyResponses.toHttp(tooLarge(), true)).addListener(ChannelFutureListener.CLOSE);
    }

    /** Expect: 100-continue with too large a length: the same 413 body instead of Netty's empty one. */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof HttpResponse http
                && http.status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()) {
            ReferenceCountUtil.release(response);
            return NettyResponses.toHttp(tooLarge(), true);
        }
        return response;
    }

    private ProtocolResponse tooLarge() {
        return ErrorResponse.validation(413, "The request body is larger than the limit of " + maxBodyBytes
                + " bytes.").toResponse(UUID.randomUUID().toString());
    }
}
