package br.com.healthmed.platform.web;

/**
 * The HTTP connection a GraphQL request came on, as far as {@link AbandonedRequests} can tell: once
 * its client has closed it (given up waiting, navigated away, lost the network), nobody will read the
 * answer, and the fields not yet fetched are not fetched. In the GraphQL context under
 * {@link #CONTEXT_KEY} for requests over HTTP; absent over WebSocket (a closed session cancels its
 * subscription there).
 */
public final class ClientConnection {

    public static final String CONTEXT_KEY = ClientConnection.class.getName();
    /** Request attribute. */
    static final String ATTRIBUTE = ClientConnection.class.getName();

    private volatile boolean gone;

    /** Whether the client has closed the connection: what is still to be done for it is wasted. */
    public boolean isGone() {
        return gone;
    }

    void markGone() {
        gone = true;
    }
}
