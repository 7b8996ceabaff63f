package br.com.healthmed.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The buffers Tomcat gives every WebSocket session for what the client sends, sized for graphql-ws.
 * Tomcat's defaults are 8,192 characters (16 KB) for a text message and 8 KB for a binary one, per
 * open connection, whatever it sends; a held subscription's client sends only {@code connection_init}
 * (its bearer token, under a kilobyte), {@code subscribe} (a subscription document), pongs and
 * {@code complete}. graphql-ws has no binary messages (Spring for GraphQL closes the connection on one).
 * At 10,000 connections per pod the defaults are about 240 MB of heap; these sizes save about 15 KB a
 * connection (docs/capacity.md, "Per-connection cost"). A client message longer than
 * {@link #MAX_TEXT_MESSAGE_CHARS} is refused by Tomcat with close code 1009 (message too big).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketBuffers {

    /** Four times the longest document our clients subscribe with, token included. */
    static final int MAX_TEXT_MESSAGE_CHARS = 4096;
    static final int MAX_BINARY_MESSAGE_BYTES = 512;

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_TEXT_MESSAGE_CHARS);
        container.setMaxBinaryMessageBufferSize(MAX_BINARY_MESSAGE_BYTES);
        return container;
    }
}
