package br.com.healthmed.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.websocket.WebSocketContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.ServletContextAware;

/**
 * The buffers Tomcat gives every WebSocket session for what the client sends, sized for graphql-ws.
 * Tomcat's defaults are 8,192 characters (16 KB) for a text message and 8 KB for a binary one, per
 * open connection, whatever it sends; a held subscription's client sends only {@code connection_init}
 * (its bearer token, under a kilobyte), {@code subscribe} (a subscription document), pongs and
 * {@code complete}. graphql-ws has no binary messages (Spring for GraphQL closes the connection on one).
 * At 10,000 connections per pod the defaults are about 240 MB of heap; these sizes save about 15 KB a
 * connection (docs/capacity.md, "Per-connection cost"). A client message longer than
 * {@link #MAX_TEXT_MESSAGE_CHARS} is refused by Tomcat with close code 1009 (message too big).
 *
 * <p>Applied to the server's container when there is one: a test context on a mock servlet environment has
 * none (Spring's {@code ServletServerContainerFactoryBean} would fail its start-up there).
 */
@Component
class WebSocketBuffers implements ServletContextAware {

    /** Four times the longest document our clients subscribe with, token included. */
    static final int MAX_TEXT_MESSAGE_CHARS = 4096;
    static final int MAX_BINARY_MESSAGE_BYTES = 512;

    @Override
    public void setServletContext(ServletContext servletContext) {
        if (servletContext.getAttribute("jakarta.websocket.server.ServerContainer") instanceof WebSocketContainer container) {
            container.setDefaultMaxTextMessageBufferSize(MAX_TEXT_MESSAGE_CHARS);
            container.setDefaultMaxBinaryMessageBufferSize(MAX_BINARY_MESSAGE_BYTES);
        }
    }
}
