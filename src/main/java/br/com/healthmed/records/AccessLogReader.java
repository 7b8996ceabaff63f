package br.com.healthmed.records;

import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.security.Role;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The patient's access log as sentences: "Dra. Ana Lima opened exame.pdf under your share of
 * 'cardiologia' on 01/12/2026 at 07:00 (Brasília time)." Doctors are named (all their names in one
 * batch read); other patients are not: their identity is theirs.
 */
@Service
public class AccessLogReader {

    private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'at' HH:mm");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final AccessLogStore store;
    private final AccountDirectory accounts;
    private final RecordsProperties properties;
    private final Clock clock;

    AccessLogReader(AccessLogStore store, AccountDirectory accounts, RecordsProperties properties, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** The patient's entries within the retention, newest first. */
    public Page<ReadableEntry> entries(AccountId patient, int first, Optional<String> after) {
        return readable(store.entries(patient, clock.instant().minus(properties.accessLogRetention()), first, after));
    }

    /** The patient's entries newer than the position {@code before}, oldest first (the log read backwards). */
    public Page<ReadableEntry> newerEntries(AccountId patient, int last, Optional<String> before) {
        return readable(store.newer(patient, clock.instant().minus(properties.accessLogRetention()), last, before));
    }

    private Page<ReadableEntry> readable(Page<AccessLogEntry> page) {
        Set<AccountId> doctors = new HashSet<>();
        for (AccessLogEntry entry : page.items()) {
            if (entry.actorRole().filter(Role.DOCTOR::equals).isPresent()) {
                entry.actor().ifPresent(doctors::add);
            }
            entry.sharedWith().ifPresent(doctors::add);
        }
        Map<AccountId, AccountSummary> named = doctors.isEmpty() ? Map.of() : accounts.findAll(doctors);
        return new Page<>(page.items().stream().map(entry -> readable(entry, named)).toList(), page.next());
    }

    private static ReadableEntry readable(AccessLogEntry entry, Map<AccountId, AccountSummary> named) {
        Optional<String> actorName = entry.actorRole().filter(Role.DOCTOR::equals)
                .flatMap(doctor -> entry.actor()).map(id -> nameOf(id, named));
        String who = entry.actor().filter(entry.patient()::equals).isPresent() ? "You"
                : actorName.orElse(entry.actor().isPresent() ? "Another patient" : "An anonymous caller");
        String file = entry.fileName().orElse("a file");
        String share = entry.shareName().orElse("");
        String doctor = entry.sharedWith().map(id -> nameOf(id, named)).orElse("a doctor");
        String what = switch (entry.action()) {
            case UPLOAD -> who + " uploaded " + file;
            case DOWNLOAD_URL_ISSUED -> who + " opened " + file
                    + (entry.grant().isPresent() ? " under your share of " + share : "");
            case SHARE -> who + " shared " + share + " with " + doctor;
            case REVOKE -> who + " revoked the share of " + share + " with " + doctor;
            case ACCESS_REFUSED -> who + " was refused access to " + file;
            case NOTE_WRITTEN -> who + " wrote " + file;
            case NOTE_AMENDED -> who + " amended " + file;
            case NOTE_READ -> who + " read " + file + (entry.grant().isPresent() ? " under your share of " + share : "");
            case DOCUMENT_ISSUED -> who + " issued " + file + " into your record";
            case DATA_EXPORT_REQUESTED -> who + " requested a copy of all your data, your record's files included";
            case DATA_EXPORT_DOWNLOADED -> who + " downloaded the copy of all your data";
        };
        String repeats = entry.count() == 1 ? "" : ", and " + (entry.count() - 1) + " more " + (entry.count() == 2 ? "time" : "times")
                + " until " + (entry.lastAt().atZone(BRASILIA).toLocalDate().equals(entry.at().atZone(BRASILIA).toLocalDate())
                        ? TIME : WHEN).format(entry.lastAt().atZone(BRASILIA));
        return new ReadableEntry(entry, what + " on " + WHEN.format(entry.at().atZone(BRASILIA)) + repeats + " (Brasília time).",
                actorName);
    }

    private static String nameOf(AccountId id, Map<AccountId, AccountSummary> named) {
        return Optional.ofNullable(named.get(id)).map(AccountSummary::name).orElse("a former doctor");
    }
}
