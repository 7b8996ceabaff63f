package br.com.healthmed.records.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.graphql.GraphQlSlice;
import br.com.healthmed.platform.security.AsCaller;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.records.DownloadLink;
import br.com.healthmed.records.FileDownloads;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.Requester;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The slice tier for a records query: {@link DownloadController} over the real schema, its caller from
 * {@link AsCaller}, and its one service, {@link FileDownloads}, a mock (the real one needs the record, grant
 * and blob stores). Who may open a file is the service's rule, tested with the stores; here: the requester
 * the service is given (account, role and address), and its answers and refusals as the client gets them.
 */
@GraphQlTest(DownloadController.class)
@Import(GraphQlSlice.class)
@WithAnonymousUser
class DownloadControllerSliceTest {

    private static final String FILE_DOWNLOAD = "query($id: ID!) { fileDownload(fileId: $id) { url expiresAt fileName } }";

    @Autowired
    GraphQlTester tester;

    @MockitoBean
    FileDownloads downloads;

    private final UUID fileId = UUID.randomUUID();

    @Test
    @AsCaller(Role.PATIENT)
    void theFileAskedForIsDownloadedForTheCallerFromTheirAddress() {
        Requester patient = new Requester(Optional.of(AccountId.of(AsCaller.ACCOUNT_ID)), Optional.of(Role.PATIENT),
                GraphQlSlice.CLIENT_ADDRESS.value());
        when(downloads.download(patient, new FileId(fileId))).thenReturn(new DownloadLink(
                URI.create("https://files.example/o/1?X-Amz-Signature=abc"), Instant.parse("2026-03-02T12:05:00Z"), "hemograma.pdf"));

        tester.document(FILE_DOWNLOAD).variable("id", fileId).execute()
                .path("fileDownload.url").entity(String.class).isEqualTo("https://files.example/o/1?X-Amz-Signature=abc")
                .path("fileDownload.expiresAt").entity(String.class).isEqualTo("2026-03-02T12:05:00.000Z")
                .path("fileDownload.fileName").entity(String.class).isEqualTo("hemograma.pdf");
    }

    @Test
    @AsCaller(Role.DOCTOR)
    void aFileTheServiceRefusesIsNotFoundAndTheErrorSaysNoMoreThanThat() {
        when(downloads.download(any(), any())).thenThrow(DomainException.notFound("File"));

        ResponseError error = GraphQlSlice.onlyError(tester.document(FILE_DOWNLOAD).variable("id", fileId).execute());

        assertThat(error.getExtensions()).containsOnlyKeys("code").containsEntry("code", "NOT_FOUND");
        assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(error.getMessage()).isEqualTo("File not found").doesNotContain("Exception", "br.com.");
        assertThat(error.getPath()).isEqualTo("fileDownload");
    }

    /** No role gate here: anyone may ask, and what an anonymous caller may not see is the service's NOT_FOUND too. */
    @Test
    void withoutATokenTheServiceIsAskedForAnAnonymousRequester() {
        when(downloads.download(any(), any())).thenThrow(DomainException.notFound("File"));

        ResponseError error = GraphQlSlice.onlyError(tester.document(FILE_DOWNLOAD).variable("id", fileId).execute());

        assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
        verify(downloads).download(new Requester(Optional.empty(), Optional.empty(), GraphQlSlice.CLIENT_ADDRESS.value()),
                new FileId(fileId));
    }

    @Test
    @AsCaller(Role.PATIENT)
    void anUnexpectedFailureIsAnInternalErrorWithACorrelationIdAndNothingOfTheException() {
        when(downloads.download(any(), any()))
                .thenThrow(new IllegalStateException("br.com.healthmed.records.blob.S3BlobStore: bucket healthmed-records unreadable"));

        ResponseError error = GraphQlSlice.onlyError(tester.document(FILE_DOWNLOAD).variable("id", fileId).execute());

        assertThat(error.getExtensions()).containsEntry("code", "INTERNAL_ERROR").containsKey("correlationId");
        assertThat(error.getMessage()).doesNotContain("Exception", "br.com.", "S3", "bucket");
    }

    @Test
    @AsCaller(Role.PATIENT)
    void aFileIdThatIsNoIdIsRefusedBeforeTheService() {
        ResponseError error = GraphQlSlice.onlyError(tester.document(FILE_DOWNLOAD).variable("id", "file-1").execute());

        assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND"); // as for a file that does not exist
        verifyNoInteractions(downloads);
    }
}
