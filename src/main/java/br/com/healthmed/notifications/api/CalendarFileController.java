package br.com.healthmed.notifications.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.notifications.CalendarFiles;
import br.com.healthmed.platform.security.CallerAuthentication;
import br.com.healthmed.scheduling.Appointment;
import br.com.healthmed.scheduling.AppointmentId;
import java.security.Principal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** {@code Appointment.calendarFile}, for every appointment of a response at once. */
@Controller
class CalendarFileController {

    private final CalendarFiles calendarFiles;
    private final Clock clock;

    CalendarFileController(CalendarFiles calendarFiles, Clock clock) {
        this.calendarFiles = calendarFiles;
        this.clock = clock;
    }

    /** A file the app saves or opens; appointments reach a response only for their participants. */
    record CalendarFile(String fileName, String contentType, String content) {}

    @BatchMapping(typeName = "Appointment", field = "calendarFile")
    Map<Appointment, CalendarFile> calendarFile(List<Appointment> appointments, Principal principal) {
        Map<Appointment, CalendarFile> result = new HashMap<>();
        if (!(principal instanceof CallerAuthentication auth)) {
            return result;
        }
        AccountId viewer = AccountId.of(auth.getPrincipal().accountId());
        Map<AppointmentId, String> files = calendarFiles.forViewer(appointments, viewer, clock.instant());
        appointments.forEach(a -> {
            String content = files.get(a.id());
            if (content != null) {
                result.put(a, new CalendarFile(CalendarFiles.FILE_NAME, CalendarFiles.CONTENT_TYPE, content));
            }
        });
        return result;
    }
}
