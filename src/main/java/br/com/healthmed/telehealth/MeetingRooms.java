package br.com.healthmed.telehealth;

import java.net.URI;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * The port to the video-meeting provider. Implementations must pass {@code MeetingRoomsContract}.
 * Scheduling stores the returned room on the appointment and asks for a join link only for the two
 * participants, only while the room is open.
 */
@NamedInterface("api")
public interface MeetingRooms {

    /** A new room for a consultation from {@code start} to {@code end}. */
    MeetingRoom open(Instant start, Instant end);

    /** The link this participant follows to enter the room (may carry a signed token). */
    URI joinUrl(MeetingRoom room, MeetingParticipant participant);
}
