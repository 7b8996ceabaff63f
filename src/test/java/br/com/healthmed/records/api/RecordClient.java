package br.com.healthmed.records.api;

import br.com.healthmed.support.Api;
import br.com.healthmed.support.PlainHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A logged-in user of the records API, as a front-end would be: GraphQL calls with a bearer token,
 * and plain HTTP to the presigned URLs (no token there, as with S3).
 */
public final class RecordClient {

    final Api api;
    final String id;
    final String name;
    /** The bearer token, for a WebSocket's connection_init; empty for an anonymous client. */
    final String accessToken;

    private RecordClient(Api api, String id, String name, String accessToken) {
        this.api = api;
        this.id = id;
        this.name = name;
        this.accessToken = accessToken;
    }

    @SuppressWarnings("unchecked")
    static RecordClient patient(Api anonymous) {
        Map<String, Object> session = anonymous.registerPatient(Api.newPatient());
        Map<String, Object> account = (Map<String, Object>) session.get("account");
        return new RecordClient(anonymous.as((String) session.get("accessToken")), (String) account.get("id"), (String) account.get("name"),
                (String) session.get("accessToken"));
    }

    /** Each test doctor's CRM by account id, to log in again once the clock has outrun a token. */
    private static final Map<String, String> CRMS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The same doctor with a fresh session (after the test clock moved past the access token's life). */
    @SuppressWarnings("unchecked")
    RecordClient loggedInAgain(Api anonymous) {
        Map<String, Object> session = anonymous.tester().documentName("loginDoctor").variable("crm", CRMS.get(id))
                .variable("password", Api.PASSWORD).execute().path("loginDoctor").entity(Map.class).get();
        String token = (String) session.get("accessToken");
        return new RecordClient(anonymous.as(token), id, name, token);
    }

    /** A user made with the shared test helpers, as a client of the records API. */
    public static RecordClient of(br.com.healthmed.scheduling.TestUser user) {
        return new RecordClient(user.api(), user.id(), user.name(), user.accessToken());
    }

    static RecordClient anonymous(Api anonymous) {
        return new RecordClient(anonymous, "", "anonymous", "");
    }

    @SuppressWarnings("unchecked")
    static RecordClient doctor(Api anonymous) {
        Map<String, Object> input = Api.newDoctor();
        Map<String, Object> session = anonymous.registerDoctor(input);
        CRMS.put((String) ((Map<String, Object>) session.get("account")).get("id"), (String) input.get("crm"));
        Map<String, Object> account = (Map<String, Object>) session.get("account");
        return new RecordClient(anonymous.as((String) session.get("accessToken")), (String) account.get("id"), (String) account.get("name"),
                (String) session.get("accessToken"));
    }

    GraphQlTester.Request<?> document(String document, String operation) {
        return api.tester().documentName(document).operationName(operation);
    }

    GraphQlTester.Request<?> document(String document) {
        return api.tester().documentName(document);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> requestUpload(String fileName, String contentType, long size, List<String> groupIds) {
        return document("requestFileUpload").variable("input", Map.of("fileName", fileName, "contentType", contentType,
                        "sizeBytes", size, "category", "EXAM", "groupIds", groupIds))
                .execute().path("requestFileUpload").entity(Map.class).get();
    }

    /** Requests, PUTs and completes an upload; the completed file. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> upload(String fileName, String contentType, byte[] bytes, List<String> groupIds) {
        Map<String, Object> ticket = requestUpload(fileName, contentType, bytes.length, groupIds);
        HttpResponse<String> put = put(ticket, bytes);
        if (put.statusCode() != 200) {
            throw new AssertionError("PUT answered " + put.statusCode() + ": " + put.body());
        }
        return complete((String) ticket.get("fileId")).path("completeFileUpload").entity(Map.class).get();
    }

    GraphQlTester.Response complete(String fileId) {
        return document("completeFileUpload").variable("fileId", fileId).execute();
    }

    public String createGroup(String name) {
        return document("recordGroups", "createRecordGroup").variable("name", name).execute()
                .path("createRecordGroup.id").entity(String.class).get();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> share(Map<String, Object> input) {
        return document("shares", "shareRecord").variable("input", input).execute()
                .path("shareRecord").entity(Map.class).get();
    }

    GraphQlTester.Response download(String fileId) {
        return document("recordFiles", "fileDownload").variable("fileId", fileId).execute();
    }

    public String downloadUrl(String fileId) {
        return download(fileId).path("fileDownload.url").entity(String.class).get();
    }

    /** PUTs {@code body} to an upload ticket's URL with the ticket's headers. */
    @SuppressWarnings("unchecked")
    static HttpResponse<String> put(Map<String, Object> ticket, byte[] body) {
        Map<String, String> headers = new java.util.HashMap<>();
        ((List<Map<String, String>>) ticket.get("uploadHeaders")).forEach(h -> headers.put(h.get("name"), h.get("value")));
        return PlainHttp.put(URI.create((String) ticket.get("uploadUrl")), headers, body);
    }

    static HttpResponse<String> put(String url, String contentType, byte[] body) {
        return PlainHttp.put(URI.create(url), Map.of("Content-Type", contentType), body);
    }

    public static HttpResponse<byte[]> get(String url) {
        return PlainHttp.get(URI.create(url));
    }

    static String code(GraphQlTester.Response response) {
        List<ResponseError>[] errors = new List[1];
        response.errors().satisfy(list -> errors[0] = list);
        if (errors[0].isEmpty()) {
            throw new AssertionError("Expected an error, got none");
        }
        return String.valueOf(errors[0].get(0).getExtensions().get("code"));
    }
}
