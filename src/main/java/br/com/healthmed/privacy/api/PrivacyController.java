package br.com.healthmed.privacy.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.privacy.AccountState;
import br.com.healthmed.privacy.DataExport;
import br.com.healthmed.privacy.DataExports;
import br.com.healthmed.privacy.Deactivations;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** {@code requestDataExport}, {@code dataExport}, {@code deactivateAccount}: the caller's own account only. */
@Controller
class PrivacyController {

    private final DataExports exports;
    private final Deactivations deactivations;
    private final Clock clock;

    PrivacyController(DataExports exports, Deactivations deactivations, Clock clock) {
        this.exports = exports;
        this.deactivations = deactivations;
        this.clock = clock;
    }

    @MutationMapping
    DataExport requestDataExport(@AuthenticationPrincipal Caller caller,
                                 @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        Caller known = Caller.required(caller);
        return exports.request(AccountId.of(known.accountId()), known.role(), address.value());
    }

    @QueryMapping
    DataExport dataExport(@Argument UUID id, @AuthenticationPrincipal Caller caller) {
        return exports.visibleTo(AccountId.of(Caller.required(caller).accountId()), id);
    }

    @SchemaMapping(typeName = "DataExport", field = "status")
    String status(DataExport export) {
        return export.statusAt(clock.instant()).name();
    }

    @SchemaMapping(typeName = "DataExport", field = "downloadUrl")
    @Nullable String downloadUrl(DataExport export, @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        return exports.downloadUrl(export, address.value()).map(Object::toString).orElse(null);
    }

    @MutationMapping
    Map<String, Instant> deactivateAccount(@Argument @Size(max = 512) String password, @Argument Optional<String> reason,
                                           @AuthenticationPrincipal Caller caller,
                                           @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        Caller known = Caller.required(caller);
        AccountState state = deactivations.deactivate(AccountId.of(known.accountId()), known.role(), password, reason, address.value());
        return Map.of("deactivatedAt", state.deactivatedAt().orElseThrow(), "reactivableUntil", state.graceEndsAt().orElseThrow());
    }
}
