package br.com.healthmed.telehealth.jitsi;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.telehealth.MeetingRoom;
import br.com.healthmed.telehealth.MeetingRooms;
import br.com.healthmed.telehealth.MeetingRoomsContract;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Jitsi without token auth (the public meet.jit.si): the link is the room, the name rides in the fragment. */
class PublicJitsiMeetingRoomsTest extends MeetingRoomsContract {

    private final MeetingRooms rooms = new JitsiMeetingRooms(new JitsiProperties(URI.create("https://meet.jit.si/"), null, null));

    @Override
    protected MeetingRooms rooms() {
        return rooms;
    }

    @Override
    protected String displayedName(URI joinUrl) {
        String prefix = "userInfo.displayName=";
        assertThat(joinUrl.getRawFragment()).startsWith(prefix);
        // Jitsi decodes the fragment parameter and reads it as JSON.
        String json = URLDecoder.decode(joinUrl.getRawFragment().substring(prefix.length()), StandardCharsets.UTF_8);
        return JsonMapper.shared().readValue(json, String.class);
    }

    @Override
    protected String roomIn(URI joinUrl) {
        return joinUrl.getRawPath().substring(1);
    }

    @Test
    void theLinkIsTheRoomOnTheConfiguredBaseWithoutAnyToken() {
        MeetingRoom room = rooms.open(START, END);

        URI link = rooms.joinUrl(room, PATIENT);

        assertThat(link.toString()).isEqualTo("https://meet.jit.si/" + room.name() + "#userInfo.displayName=%22Ana%20Souza%22");
        assertThat(link.getRawQuery()).isNull();
        assertThat(room.name()).matches("[a-z2-7]{32}");
    }

    @Test
    void aBaseUrlWithAPathKeepsIt() {
        JitsiMeetingRooms underPath = new JitsiMeetingRooms(
                new JitsiProperties(URI.create("https://video.example.com.br/consultas"), null, null));
        MeetingRoom room = underPath.open(START, END);

        assertThat(underPath.joinUrl(room, DOCTOR).getRawPath()).isEqualTo("/consultas/" + room.name());
    }
}
