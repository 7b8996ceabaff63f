package br.com.healthmed.records.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.records.FileCategory;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.Grant;
import br.com.healthmed.records.GrantId;
import br.com.healthmed.records.GroupId;
import br.com.healthmed.records.ObjectKey;
import br.com.healthmed.records.IssuedBy;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.ScanStatus;
import br.com.healthmed.records.ShareScope;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/** Domain values for the store contracts. Instants are whole microseconds, as stored. */
final class RecordsFixtures {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00.123456Z").truncatedTo(ChronoUnit.MICROS);

    private RecordsFixtures() {}

    static RecordFile pending(AccountId owner, FileCategory category, Set<GroupId> groups) {
        return new RecordFile(FileId.random(), owner, "exame.pdf", "application/pdf", 1234, category, ObjectKey.random(),
                groups, NOW, NOW.plus(Duration.ofMinutes(15)), Optional.empty());
    }

    static RecordFile issued(AccountId patient, IssuedBy by) {
        return new RecordFile(FileId.random(), patient, "receita.pdf", "application/pdf", 2345, by.kind().category(),
                ObjectKey.random(), Set.of(), NOW, NOW.plus(Duration.ofMinutes(15)), Optional.empty(), ScanStatus.PENDING_SCAN,
                Optional.of(by));
    }

    static Grant grant(AccountId patient, AccountId doctor, ShareScope scope, Instant expiresAt) {
        return new Grant(GrantId.random(), patient, doctor, scope, Optional.of("para a consulta"), NOW, expiresAt, Optional.empty());
    }

    static ShareScope allFiles() {
        return new ShareScope(true, Set.of(), Set.of());
    }
}
