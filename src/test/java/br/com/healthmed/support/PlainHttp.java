package br.com.healthmed.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

/** Plain HTTP as a browser's fetch would do it: no SDK, no token. For presigned URLs. */
public final class PlainHttp {

    /** Headers every HTTP client sets itself ({@link HttpClient} refuses to take them, as browsers do). */
    private static final Set<String> AUTOMATIC = Set.of("host", "content-length");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PlainHttp() {}

    public static HttpResponse<String> put(URI url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!AUTOMATIC.contains(name.toLowerCase())) {
                request.header(name, value);
            }
        });
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<byte[]> get(URI url) {
        return send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Sends once more when the first try found its pooled connection closed: a server that refuses an
     * upload may answer and close without reading the body, and the next request on that kept-alive
     * connection then reads nothing. Browsers retry such a request on a new connection too.
     */
    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            try {
                return HTTP.send(request, handler);
            } catch (IOException staleConnection) {
                return HTTP.send(request, handler);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
