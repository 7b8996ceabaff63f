package br.com.healthmed.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The server's connections get the smaller socket and WebSocket frame buffers, and answers longer than
 * those buffers still arrive whole (WebSocketBuffersTest sends a graphql-ws message longer than the frame
 * buffer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TomcatSocketBuffersTest {

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theConnectorUsesTheSmallerSocketBuffers() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("" + TomcatSocketBuffers.SOCKET_READ_BYTES);
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("" + TomcatSocketBuffers.SOCKET_WRITE_BYTES);
        assertThat(System.getProperty(TomcatSocketBuffers.WEBSOCKET_FRAME_PROPERTY)).isNotNull();
    }

    @Test
    void anAnswerLongerThanTheWriteBufferArrivesWhole() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql/schema")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().length()).isGreaterThan(4 * TomcatSocketBuffers.SOCKET_WRITE_BYTES);
        assertThat(page.body()).contains("type Query");
    }
}
