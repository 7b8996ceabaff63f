package br.com.healthmed.records.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.platform.graphql.NodeResolver;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.records.ConsultationNotes;
import br.com.healthmed.records.FileId;
import br.com.healthmed.records.Grant;
import br.com.healthmed.records.GroupId;
import br.com.healthmed.records.HealthRecords;
import br.com.healthmed.records.NoteId;
import br.com.healthmed.records.RecordFile;
import br.com.healthmed.records.RecordGroup;
import br.com.healthmed.records.Sharing;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code node(id:)} for the record's types, each as the query that shows it: files and groups to their
 * patient (as {@code myRecord}), shares to their patient (as {@code myShares}), a consultation note as
 * {@code consultationNote(id:)} (to its patient, its doctor, a doctor under a share covering it; the read is
 * logged the same way).
 */
@Configuration(proxyBeanMethods = false)
class RecordNodes {

    @Bean
    NodeResolver recordFileNodes(HealthRecords records) {
        return NodeResolver.oneAtATime("RecordFile", RecordFile.class, (key, caller, request) ->
                records.file(patient(caller), new FileId(UUID.fromString(key))));
    }

    @Bean
    NodeResolver recordGroupNodes(HealthRecords records) {
        return NodeResolver.oneAtATime("RecordGroup", RecordGroup.class, (key, caller, request) ->
                records.group(patient(caller), new GroupId(UUID.fromString(key))));
    }

    @Bean
    NodeResolver recordShareNodes(Sharing sharing) {
        return NodeResolver.oneAtATime("RecordShare", Grant.class, (key, caller, request) -> {
            UUID id = UUID.fromString(key);
            return sharing.sharesOf(patient(caller), Optional.empty()).stream().filter(grant -> grant.id().value().equals(id)).findFirst();
        });
    }

    @Bean
    NodeResolver consultationNoteNodes(ConsultationNotes notes) {
        return NodeResolver.oneAtATime("ConsultationNote", ClinicalRecordController.NoteView.class, (key, caller, request) ->
                Optional.of(ClinicalRecordController.readNote(notes, caller, request.getGraphQlContext().get(ClientAddress.CONTEXT_KEY),
                        new NoteId(UUID.fromString(key)))));
    }

    private static AccountId patient(Caller caller) {
        return AccountId.of(RoleGate.patient(caller));
    }
}
