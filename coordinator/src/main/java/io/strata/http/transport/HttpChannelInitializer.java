package io.strata.http.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.strata.http.HttpEndpointConfig;
import io.strata.http.protocol.RequestDispatcher;
import java.util.concurrent.Executor;

/**
 * The pipeline of one connection: deadline on raw bytes → HTTP/1.1 codec with bounded request
 * line and headers → body aggregation up to the limit → the connection's request loop.
 */
public final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {
    /** Generous for SigV4 (Authorization, X-Amz-* headers); the SDKs send well under 2 KiB. */
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_REQUEST_LINE_BYTES = 8 * 1024;

    private final HttpEndpointConfig config;
    private final RequestDispatcher dispatcher;
    private final Executor workers;

    public HttpChannelInitializer(HttpEndpointConfig config, RequestDispatcher dispatcher, Executor workers) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.workers = workers;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        RequestDeadline deadline = new RequestDeadline(config.requestReadTimeout(), config.idleTimeout());
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("deadline", deadline);
        pipeline.addLast("codec", new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
                .setMaxHeaderSize(MAX_HEADER_BYTES)));
        pipeline.addLast("body", new BoundedBodyAggregator(config.maxBodyBytes()));
        pipeline.addLast("requests", new ConnectionHandler(dispatcher, workers, deadline));
    }
}
