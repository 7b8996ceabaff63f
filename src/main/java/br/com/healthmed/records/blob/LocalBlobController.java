package br.com.healthmed.records.blob;

import br.com.healthmed.records.ObjectKey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the embedded store's presigned URLs: {@code PUT /blobs/<key>} and {@code GET /blobs/<key>}.
 * The signature is the authorisation (no bearer token), as with S3; anything unsigned, altered,
 * expired, of another type or length is refused before a byte is stored. Bodies are streamed, never
 * held in memory.
 */
@RestController
@ConditionalOnProperty(name = "healthmed.blob-store", havingValue = "local", matchIfMissing = true)
class LocalBlobController {

    private static final Logger log = LoggerFactory.getLogger(LocalBlobController.class);

    private final LocalBlobStore store;

    LocalBlobController(LocalBlobStore store) {
        this.store = store;
    }

    @PutMapping("/blobs/{key}")
    void upload(@PathVariable String key, @RequestParam(required = false) Long expires,
                @RequestParam(required = false) String type, @RequestParam(required = false) Long length,
                @RequestParam(required = false) String signature,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ObjectKey> object = ObjectKey.parse(key);
        if (object.isEmpty() || expires == null || type == null || length == null
                || !store.mayUpload(object.get(), expires, type, length, signature)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "The upload URL is not valid or has expired.");
            return;
        }
        if (request.getContentType() == null || !request.getContentType().equalsIgnoreCase(type)) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Content-Type must be the one the URL was signed for.");
            return;
        }
        if (request.getContentLengthLong() != length) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Content-Length must be the one the URL was signed for.");
            return;
        }
        try (InputStream body = request.getInputStream()) {
            store.write(object.get(), type, length, body);
            response.setStatus(HttpServletResponse.SC_OK);
        } catch (FileAlreadyExistsException written) {
            refuse(response, HttpServletResponse.SC_CONFLICT, "This upload has already been made.");
        } catch (SealedBlobs.LengthMismatchException mismatch) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "The body is not as long as the URL was signed for.");
        }
    }

    @GetMapping("/blobs/{key}")
    void download(@PathVariable String key, @RequestParam(required = false) Long expires,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String disposition,
                  @RequestParam(required = false) String signature, HttpServletResponse response) throws IOException {
        Optional<ObjectKey> object = ObjectKey.parse(key);
        if (object.isEmpty() || expires == null || type == null || disposition == null
                || !store.mayDownload(object.get(), expires, type, disposition, signature)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "The download URL is not valid or has expired.");
            return;
        }
        Optional<LocalBlobStore.Opened> opened = store.open(object.get());
        if (opened.isEmpty()) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, "No such object.");
            return;
        }
        try (InputStream content = opened.get().content()) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(type);
            response.setContentLengthLong(opened.get().header().sizeBytes());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            OutputStream out = response.getOutputStream();
            content.transferTo(out);
        } catch (IOException failed) {
            // A file that fails authentication was altered on disk: never send what follows.
            log.error("Blob {} could not be read", key, failed);
            throw failed;
        }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message);
    }
}
