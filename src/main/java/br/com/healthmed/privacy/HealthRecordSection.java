package br.com.healthmed.privacy;

import static br.com.healthmed.privacy.Json.object;

import br.com.healthmed.platform.security.Role;
import br.com.healthmed.records.AccessLogEntry;
import br.com.healthmed.records.Grant;
import br.com.healthmed.records.ReadableEntry;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.RecordPortability;
import br.com.healthmed.records.ScanStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code healthRecord} (patients): the record's files (their bytes in the ZIP under
 * {@code files/<file id>/<name>}, when served at all: a file not found clean of malware is listed
 * without them), groups, shares and the whole access log.
 */
@Component
@Order(30)
class HealthRecordSection implements PersonalDataSection {

    /** Whatever could make a ZIP path climb or confuse an unzip tool. */
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N} ._()-]");

    private final RecordPortability records;

    HealthRecordSection(RecordPortability records) {
        this.records = records;
    }

    @Override
    public String key() {
        return "healthRecord";
    }

    @Override
    public Optional<Object> collect(DataSubject subject, ExportFiles files) {
        if (subject.role() != Role.PATIENT) {
            return Optional.empty();
        }
        RecordPortability.Snapshot snapshot = records.snapshotOf(subject.account());
        return Optional.of(object(
                "files", snapshot.files().stream().map(file -> file(file, snapshot.scans().get(file), files)).toList(),
                "groups", snapshot.groups().stream().map(g -> object("id", g.id().toString(), "name", g.name(), "createdAt", g.createdAt()))
                        .toList(),
                "shares", snapshot.shares().stream().map(HealthRecordSection::share).toList(),
                "accessLog", snapshot.accessLog().stream().map(HealthRecordSection::entry).toList()));
    }

    private Map<String, Object> file(RecordFile file, @Nullable ScanStatus status, ExportFiles files) {
        Optional<String> path = status == ScanStatus.CLEAN
                ? Optional.of(files.add("files/" + file.id() + "/" + safe(file.fileName()), () -> records.contentOf(file, status)))
                : Optional.empty();
        return object("id", file.id().toString(), "fileName", file.fileName(), "contentType", file.contentType(),
                "sizeBytes", file.sizeBytes(), "category", file.category(),
                "groupIds", file.groups().stream().map(Object::toString).sorted().toList(),
                "uploadedAt", file.availableAt(), "scanStatus", status, "path", path);
    }

    private static Map<String, Object> share(Grant grant) {
        return object("id", grant.id().toString(), "doctorId", grant.doctor().toString(), "allFiles", grant.scope().allFiles(),
                "fileIds", grant.scope().files().stream().map(Object::toString).sorted().toList(),
                "groupIds", grant.scope().groups().stream().map(Object::toString).sorted().toList(),
                "note", grant.note(), "createdAt", grant.createdAt(), "expiresAt", grant.expiresAt(), "revokedAt", grant.revokedAt());
    }

    private static Map<String, Object> entry(ReadableEntry readable) {
        AccessLogEntry e = readable.entry();
        return object("id", e.id(), "at", e.at(), "action", e.action(), "actorId", e.actor().map(Object::toString),
                "actorRole", e.actorRole(), "actorName", readable.actorName(), "fileId", e.file().map(Object::toString),
                "fileName", e.fileName(), "shareId", e.grant().map(Object::toString), "shareName", e.shareName(),
                "sharedWithDoctorId", e.sharedWith().map(Object::toString), "clientAddress", e.clientAddress(),
                "count", e.count(), "lastAt", e.lastAt(), "description", readable.description());
    }

    static String safe(String fileName) {
        String cleaned = UNSAFE.matcher(fileName).replaceAll("_").strip();
        return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.') ? "arquivo" : cleaned;
    }
}
