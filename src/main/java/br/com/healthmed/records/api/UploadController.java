package br.com.healthmed.records.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.GroupId;
import br.com.healthmed.records.NewUpload;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.UploadTicket;
import br.com.healthmed.records.Uploads;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code requestFileUpload}, {@code completeFileUpload} and {@code cancelFileUpload}. */
@Controller
class UploadController {

    record HttpHeader(String name, String value) {}

    record FileUploadTicket(FileId fileId, URI uploadUrl, String uploadMethod, List<HttpHeader> uploadHeaders, Instant expiresAt) {

        static FileUploadTicket of(UploadTicket ticket) {
            return new FileUploadTicket(ticket.fileId(), ticket.uploadUrl(), "PUT",
                    ticket.uploadHeaders().entrySet().stream().map(h -> new HttpHeader(h.getKey(), h.getValue()))
                            .sorted(java.util.Comparator.comparing(HttpHeader::name)).toList(),
                    ticket.expiresAt());
        }
    }

    private final Uploads uploads;

    UploadController(Uploads uploads) {
        this.uploads = uploads;
    }

    @MutationMapping
    FileUploadTicket requestFileUpload(@Argument @Valid RequestFileUploadInput input, @AuthenticationPrincipal Caller caller) {
        NewUpload upload = new NewUpload(input.fileName(), input.contentType(), input.sizeBytes(), input.category(),
                input.groupIds() == null ? List.of() : input.groupIds().stream().map(GroupId::new).toList());
        return FileUploadTicket.of(uploads.request(AccountId.of(RoleGate.patient(caller)), upload, Optional.ofNullable(input.idempotencyKey())));
    }

    @MutationMapping
    RecordFile completeFileUpload(@Argument UUID fileId, @AuthenticationPrincipal Caller caller,
                                  @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return uploads.complete(Requesters.of(caller, address), new FileId(fileId));
    }

    @MutationMapping
    boolean cancelFileUpload(@Argument UUID fileId, @AuthenticationPrincipal Caller caller,
                             @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return uploads.cancel(Requesters.of(caller, address), new FileId(fileId));
    }
}
