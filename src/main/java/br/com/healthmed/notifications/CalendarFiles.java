package br.com.healthmed.notifications;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.notifications.CalendarInvite.Method;
import br.com.healthmed.notifications.MailTemplates.AppointmentFacts;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.scheduling.AppointmentStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A consultation's calendar entry: the patient's invite attached to e-mails ({@code consulta.ics}), and
 * the file the app offers either participant for "add to calendar". Like the e-mails, it names the other
 * person and the time, links to the app, and says nothing clinical.
 */
@Component
public class CalendarFiles {

    public static final String FILE_NAME = "consulta.ics";
    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";
    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<([^>]+)>");

    private final AppLinks links;
    private final Participants participants;
    private final String organizer;

    CalendarFiles(AppLinks links, Participants participants, NotificationsProperties properties) {
        this.links = links;
        this.participants = participants;
        Matcher angle = ANGLE_ADDRESS.matcher(properties.fromAddress());
        this.organizer = angle.find() ? angle.group(1) : properties.fromAddress().strip();
    }

    /** The patient's invite ({@code REQUEST}) or its withdrawal ({@code CANCEL}) for the change made at {@code changedAt}. */
    Mail.Attachment attachment(Method method, Participants.Pair pair, AppointmentFacts facts, Instant changedAt) {
        return new Mail.Attachment(FILE_NAME, CalendarInvite.contentType(method),
                CalendarInvite.bytes(method, entry(pair, facts, changedAt, false)));
    }

    /**
     * The "add to calendar" file ({@code METHOD:PUBLISH}) of each confirmed appointment, as {@code viewer}
     * (one of its participants) sees it. Its SEQUENCE is the one of the confirmation's invite: the
     * appointment's latest change.
     */
    public Map<AppointmentId, String> forViewer(Collection<Appointment> appointments, AccountId viewer, Instant now) {
        var confirmed = appointments.stream().filter(a -> a.statusAt(now) == AppointmentStatus.CONFIRMED).toList();
        Map<AppointmentId, Participants.Pair> pairs = participants.ofAll(confirmed);
        Map<AppointmentId, String> files = new HashMap<>();
        for (Appointment appointment : confirmed) {
            Participants.Pair pair = pairs.get(appointment.id());
            if (pair != null && !appointment.history().isEmpty()) {
                Instant changedAt = appointment.history().get(appointment.history().size() - 1).at();
                AppointmentFacts facts = new AppointmentFacts(appointment.id(), appointment.start(), appointment.end(), Optional.empty());
                files.put(appointment.id(), CalendarInvite.text(Method.PUBLISH,
                        entry(pair, facts, changedAt, appointment.doctorId().equals(viewer))));
            }
        }
        return files;
    }

    private CalendarInvite.Entry entry(Participants.Pair pair, AppointmentFacts facts, Instant changedAt, boolean forDoctor) {
        var link = links.appointment(facts.appointmentId());
        return new CalendarInvite.Entry(facts.appointmentId(), facts.start(), facts.end(), pair.zone(),
                "Consulta online com " + (forDoctor ? pair.patient().name() : pair.doctorDisplay()),
                "Consulta online pelo Health&Med. Acesse a sala pelo app (ela abre 15 minutos antes do início): " + link,
                link, organizer,
                pair.patient().email().map(address -> new CalendarInvite.Attendee(pair.patient().name(), address)),
                changedAt);
    }
}
