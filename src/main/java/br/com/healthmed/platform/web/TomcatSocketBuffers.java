package br.com.healthmed.platform.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The byte buffers Tomcat keeps for every open connection, sized for a pod holding 10,000 idle graphql-ws
 * sockets. Tomcat's defaults are 8 KiB each: the connection's socket read and write buffers
 * ({@code socket.appReadBufSize} / {@code appWriteBufSize}, allocated when the connection is accepted and
 * kept while it is open) and, once it is a WebSocket, its frame input and output buffers
 * ({@code org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE}) — 32 KiB a socket that receives a pong now and
 * then and sends an event of a few hundred bytes. Smaller buffers change no answer: a longer request or
 * response simply goes through them in more reads and writes; what a WebSocket message may hold is decided
 * by {@link WebSocketBuffers}. About 20 KiB less per socket (docs/capacity.md, "Per-connection cost").
 *
 * <p>The frame buffer size is a system property that Tomcat reads once, when its WebSocket classes are first
 * used; it is set here, before the server starts, unless the command line already set it.
 */
@Component
class TomcatSocketBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final int SOCKET_READ_BYTES = 4096;
    static final int SOCKET_WRITE_BYTES = 4096;
    static final int WEBSOCKET_FRAME_BYTES = 2048;
    static final String WEBSOCKET_FRAME_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (System.getProperty(WEBSOCKET_FRAME_PROPERTY) == null) {
            System.setProperty(WEBSOCKET_FRAME_PROPERTY, Integer.toString(WEBSOCKET_FRAME_BYTES));
        }
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_READ_BYTES));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_WRITE_BYTES));
        });
    }
}
