/**
 * The electronic health record: a patient's files (exams, reports, prescriptions, vaccination
 * cards, images), their groups, time-limited shares with chosen doctors, and the append-only log of
 * every access. File bytes never pass through the service: clients upload and download them with
 * short-lived presigned URLs of the {@link br.com.healthmed.records.BlobStore}.
 *
 * <p>Doctors write into it too: consultation notes (append-only, versioned) and documents they issue
 * (PDFs through the same upload flow), each tied to a consultation; the patient learns of each by e-mail
 * and subscription through durable notices ({@link br.com.healthmed.records.ClinicalRecordListener}).
 *
 * <p>Whoever is not entitled to a file, group or grant is told {@code NOT_FOUND}, exactly as for an
 * id that never existed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records", allowedDependencies = {"identity :: api", "platform", "scheduling :: api"})
@org.jspecify.annotations.NullMarked
package br.com.healthmed.records;
