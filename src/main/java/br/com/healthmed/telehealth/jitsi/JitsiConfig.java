package br.com.healthmed.telehealth.jitsi;

import br.com.healthmed.telehealth.MeetingRooms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Jitsi Meet as the meeting-room provider (the default and, for now, the only one). */
@Configuration(proxyBeanMethods = false)
class JitsiConfig {

    private static final Logger log = LoggerFactory.getLogger(JitsiConfig.class);

    @Bean
    MeetingRooms meetingRooms(JitsiProperties properties) {
        log.info("Meeting rooms on Jitsi Meet at {} ({})", properties.baseUrl(),
                properties.tokenAuth() ? "token auth, app id " + properties.appId() : "public, no tokens");
        return new JitsiMeetingRooms(properties);
    }
}
