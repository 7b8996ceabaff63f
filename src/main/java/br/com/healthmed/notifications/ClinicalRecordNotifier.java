package br.com.healthmed.notifications;

import br.com.healthmed.notifications.MailTemplates.AppointmentFacts;
import br.com.healthmed.records.ClinicalRecordEvent;
import br.com.healthmed.records.ClinicalRecordListener;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the patient by e-mail that a doctor wrote or amended a consultation note, or issued a document,
 * in their record: who and for which consultation, never what (the note and the document stay behind the
 * app's login). Sent through {@link Deliveries} under the event's id, so a redelivered event sends nothing
 * twice; an e-mail that cannot go out yet makes {@link #on} throw, and the records relay tries again.
 */
@Component
class ClinicalRecordNotifier implements ClinicalRecordListener {

    private static final Logger log = LoggerFactory.getLogger(ClinicalRecordNotifier.class);

    private final Participants participants;
    private final MailTemplates templates;
    private final Deliveries deliveries;

    ClinicalRecordNotifier(Participants participants, MailTemplates templates, Deliveries deliveries) {
        this.participants = participants;
        this.templates = templates;
        this.deliveries = deliveries;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public void on(ClinicalRecordEvent event) {
        Optional<Participants.Pair> found = participants.of(event.doctor(), event.patient());
        if (found.isEmpty()) {
            log.info("No e-mail for clinical-record event {}: an account no longer exists", event.id());
            return;
        }
        Participants.Pair pair = found.get();
        AppointmentFacts facts = new AppointmentFacts(event.appointment(), event.appointmentStart(), event.appointmentStart(),
                Optional.empty());
        pair.patient().email().ifPresent(address -> deliveries.deliver(event.id(), pair.patient().id(),
                templates.render(templates.clinicalRecordToPatient(pair, facts, event.kind()), address, List.of())));
    }
}
