package br.com.healthmed.records;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Documents a doctor issues into a patient's record for one of their consultations (a prescription, a
 * certificate, an exam request, a report): PDF only, uploaded through the record's one upload flow
 * ({@link Uploads#requestIssued}, completed with {@code completeFileUpload} like any file). The patient
 * sees the document at once; other doctors only through a share that covers it.
 */
@Service
public class IssuedDocuments {

    /** Documents per consultation: far beyond what one consultation issues, and a bound on a record the patient cannot trim. */
    public static final int MAX_PER_CONSULTATION = 20;

    private final ConsultationAccess consultations;
    private final Uploads uploads;
    private final HealthRecordStore records;

    IssuedDocuments(ConsultationAccess consultations, Uploads uploads, HealthRecordStore records) {
        this.consultations = consultations;
        this.uploads = uploads;
        this.records = records;
    }

    public UploadTicket request(AccountId doctor, AppointmentId appointmentId, String fileName, String contentType, long sizeBytes,
                                DocumentKind kind) {
        Appointment appointment = consultations.writableBy(doctor, appointmentId);
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(Uploads.ISSUED_TYPE)) {
            throw new DomainException(RecordsErrors.UNSUPPORTED_FILE_TYPE, "Documents a doctor issues are PDF files.",
                    Map.of("field", "input.contentType", "allowed", List.of(Uploads.ISSUED_TYPE)));
        }
        HealthRecordStore.FileFilter ofConsultation = new HealthRecordStore.FileFilter(Optional.empty(), Optional.empty(),
                Optional.of(true), Optional.of(appointmentId));
        if (records.availableFiles(appointment.patientId(), ofConsultation, MAX_PER_CONSULTATION - 1, Optional.empty()).next().isPresent()) {
            throw new DomainException(RecordsErrors.TOO_MANY_DOCUMENTS, "A consultation has at most " + MAX_PER_CONSULTATION
                    + " issued documents.", Map.of("maxDocuments", MAX_PER_CONSULTATION));
        }
        return uploads.requestIssued(appointment.patientId(), new IssuedBy(doctor, appointmentId, kind), fileName, sizeBytes);
    }
}
