package br.com.healthmed.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Ends GraphQL WebSocket sessions cleanly when the instance shuts down: as the first step of the
 * shutdown, before the web server stops taking requests and drains the in-flight ones, every open
 * connection is closed with {@code 1001 Going Away}. graphql-ws clients treat that close as
 * retryable and reconnect, through the load balancer, to an instance that keeps running; their
 * subscriptions then resume (clients re-read the state, as after any reconnect). Without this the
 * connections would be cut when the server stops, or held until the shutdown timeout.
 *
 * <p>Sessions are tracked by a decorator around Spring for GraphQL's handler, put into the WebSocket
 * handler mapping when that mapping is created; the same decorator hands the handler each message's
 * session as {@link TryAgainLaterClose}, for connections refused while the instance is starting.
 */
@Component
class WebSocketDrain implements InstantiationAwareBeanPostProcessor, SmartLifecycle {

    static final CloseStatus SHUTTING_DOWN = CloseStatus.GOING_AWAY.withReason("Server shutting down; reconnect");
    private static final Logger log = LoggerFactory.getLogger(WebSocketDrain.class);

    private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean stopping;

    @Override
    public boolean postProcessAfterInstantiation(Object bean, String beanName) {
        // Before the mapping registers its handlers (that happens when it gets its application context).
        if (bean instanceof WebSocketHandlerMapping mapping) {
            Map<String, Object> urls = new LinkedHashMap<>(mapping.getUrlMap());
            urls.replaceAll((path, handler) -> tracked(handler));
            mapping.setUrlMap(urls);
        }
        return true;
    }

    private Object tracked(Object handler) {
        if (handler instanceof WebSocketHttpRequestHandler http
                && WebSocketHandlerDecorator.unwrap(http.getWebSocketHandler()) instanceof GraphQlWebSocketHandler graphQl) {
            WebSocketHttpRequestHandler replacement =
                    new WebSocketHttpRequestHandler(new Tracking(graphQl), http.getHandshakeHandler());
            replacement.setHandshakeInterceptors(http.getHandshakeInterceptors());
            return replacement;
        }
        return handler;
    }

    /** Also after a stop: a context can be stopped and started again (the test framework pauses cached ones). */
    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    @Override
    public void stop() {
        stopping = true;
        running = false;
        if (!sessions.isEmpty()) {
            log.info("Closing {} WebSocket session(s) for shutdown", sessions.size());
        }
        sessions.forEach(WebSocketDrain::closeForShutdown);
    }

    private static void closeForShutdown(WebSocketSession session) {
        try {
            session.close(SHUTTING_DOWN);
        } catch (IOException | RuntimeException e) {
            log.debug("WebSocket session {} did not close cleanly: {}", session.getId(), e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown (which runs at {@code DEFAULT_PHASE - 1024}). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    private final class Tracking extends WebSocketHandlerDecorator {

        Tracking(WebSocketHandler delegate) {
            super(delegate);
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws Exception {
            sessions.add(session);
            super.afterConnectionEstablished(session);
            if (stopping) {
                closeForShutdown(session); // opened while shutting down
            }
        }

        @Override
        public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
            super.handleMessage(TryAgainLaterClose.around(session), message);
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
            sessions.remove(session);
            super.afterConnectionClosed(session, closeStatus);
        }
    }
}
