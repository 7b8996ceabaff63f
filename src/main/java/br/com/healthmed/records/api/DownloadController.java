package br.com.healthmed.records.api;

import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.records.DownloadLink;
import br.com.healthmed.records.FileDownloads;
import br.com.healthmed.records.FileId;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code fileDownload}: a short-lived URL for the owner or a doctor with an active share. */
@Controller
class DownloadController {

    private final FileDownloads downloads;

    DownloadController(FileDownloads downloads) {
        this.downloads = downloads;
    }

    @QueryMapping
    DownloadLink fileDownload(@Argument UUID fileId, @AuthenticationPrincipal Caller caller,
                              @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return downloads.download(Requesters.of(caller, address), new FileId(fileId));
    }
}
