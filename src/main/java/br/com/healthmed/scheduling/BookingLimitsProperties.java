package br.com.healthmed.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many new booking requests one account, network or device may make ({@code healthmed.booking-limits.*});
 * the reasons for each number are in {@code docs/abuse-limits.md}.
 *
 * @param perAccount          new requests per account within {@code window}
 * @param perNetwork          new requests from one network (IPv4 address, IPv6 /64) within {@code window}, all accounts
 * @param perDevice           new requests from one device within {@code window}, all accounts
 * @param window              the sliding window of the three above
 * @param perWideNetwork      new requests from one IPv6 /48 within {@code window}, all accounts (IPv4: not counted)
 * @param perNetworkPerDoctor new requests from one network to one doctor within {@code perDoctorWindow}
 * @param perWideNetworkPerDoctor new requests from one IPv6 /48 to one doctor within {@code perDoctorWindow}
 * @param perDevicePerDoctor  new requests from one device to one doctor within {@code perDoctorWindow}
 * @param perDoctorWindow     the sliding window of the two above (as long as an unanswered request lives)
 * @param originKey           the HMAC key of the network and device digests; set a secret of its own in production
 * @param newAccountAge       an account younger than this at booking gets the doctor's {@code NEW_ACCOUNT} warning
 */
@ConfigurationProperties("healthmed.booking-limits")
public record BookingLimitsProperties(
        @DefaultValue("10") int perAccount,
        @DefaultValue("60") int perNetwork,
        @DefaultValue("240") int perWideNetwork,
        @DefaultValue("10") int perDevice,
        @DefaultValue("PT1H") Duration window,
        @DefaultValue("3") int perNetworkPerDoctor,
        @DefaultValue("6") int perWideNetworkPerDoctor,
        @DefaultValue("2") int perDevicePerDoctor,
        @DefaultValue("PT24H") Duration perDoctorWindow,
        @DefaultValue("local-development-origin-key") String originKey,
        @DefaultValue("PT1H") Duration newAccountAge) {}
