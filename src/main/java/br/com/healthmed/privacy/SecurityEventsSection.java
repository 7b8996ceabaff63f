package br.com.healthmed.privacy;

import static br.com.healthmed.privacy.Json.object;

import br.com.healthmed.identity.SecurityEventStore;
import br.com.healthmed.identity.SecurityLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code securityEvents}: the account's security log within its retention, newest first. */
@Component
@Order(50)
class SecurityEventsSection implements PersonalDataSection {

    private static final int PAGE = 100;

    private final SecurityLog securityLog;

    SecurityEventsSection(SecurityLog securityLog) {
        this.securityLog = securityLog;
    }

    @Override
    public String key() {
        return "securityEvents";
    }

    @Override
    public Optional<Object> collect(DataSubject subject, ExportFiles files) {
        List<Map<String, Object>> events = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            SecurityEventStore.Page page = securityLog.events(subject.account(), PAGE, after);
            page.items().forEach(e -> events.add(object("id", e.id(), "kind", e.kind(), "at", e.at(), "clientAddress", e.clientAddress())));
            after = page.next();
        } while (after.isPresent());
        return Optional.of(events);
    }
}
