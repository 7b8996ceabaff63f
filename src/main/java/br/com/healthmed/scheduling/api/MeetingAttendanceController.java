package br.com.healthmed.scheduling.api;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.telehealth.JoinLinks;
import br.com.healthmed.telehealth.MeetingAttendance;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Meeting.attendance}: when each participant obtained their join link, for the consultation record.
 * A meeting is only ever resolved for the appointment's participants, so both see both.
 */
@Controller
class MeetingAttendanceController {

    /** The schema's {@code MeetingAttendance}; null instants for a participant who never obtained a link. */
    record Attendance(@Nullable Instant doctorJoinLinkFirstAt, @Nullable Instant doctorJoinLinkLastAt,
                      @Nullable Instant patientJoinLinkFirstAt, @Nullable Instant patientJoinLinkLastAt) {}

    private final MeetingAttendance attendance;

    MeetingAttendanceController(MeetingAttendance attendance) {
        this.attendance = attendance;
    }

    /** One batched read for every meeting in the response. */
    @BatchMapping(typeName = "Meeting", field = "attendance")
    Map<AppointmentController.Meeting, Attendance> attendance(List<AppointmentController.Meeting> meetings) {
        Map<String, Map<AccountId, JoinLinks>> byRoom = attendance.of(meetings.stream().map(AppointmentController.Meeting::room).toList());
        Map<AppointmentController.Meeting, Attendance> result = new HashMap<>();
        for (AppointmentController.Meeting meeting : meetings) {
            Map<AccountId, JoinLinks> links = byRoom.getOrDefault(meeting.room().name(), Map.of());
            Optional<JoinLinks> doctor = Optional.ofNullable(links.get(meeting.doctorId()));
            Optional<JoinLinks> patient = Optional.ofNullable(links.get(meeting.patientId()));
            result.put(meeting, new Attendance(doctor.map(JoinLinks::first).orElse(null), doctor.map(JoinLinks::last).orElse(null),
                    patient.map(JoinLinks::first).orElse(null), patient.map(JoinLinks::last).orElse(null)));
        }
        return result;
    }
}
