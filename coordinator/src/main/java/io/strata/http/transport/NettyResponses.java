package io.strata.http.transport;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.strata.http.protocol.AwsJsonProtocol;
import io.strata.http.protocol.ProtocolResponse;

/** Puts a {@link ProtocolResponse} on Netty's wire types. */
final class NettyResponses {
    private NettyResponses() {
    }

    static FullHttpResponse toHttp(ProtocolResponse response, boolean closeConnection) {
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        HttpHeaders headers = http.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, AwsJsonProtocol.CONTENT_TYPE);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        headers.set(AwsJsonProtocol.REQUEST_ID_HEADER, response.requestId());
        response.errorType().ifPresent(type -> headers.set(AwsJsonProtocol.ERROR_TYPE_HEADER, type));
        headers.set(HttpHeaderNames.CONNECTION,
                closeConnection ? HttpHeaderValues.CLOSE : HttpHeaderValues.KEEP_ALIVE);
        return http;
    }
}
