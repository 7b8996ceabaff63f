package br.com.healthmed.records;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.records.clinical.*}: what doctors write into a patient's record.
 *
 * @param writeWindow      how long after a consultation's end its doctor may still write or amend its note and
 *                         issue documents for it (from its start on)
 * @param maxTextLength    the longest a note's history, findings, assessment or plan may be, in characters
 * @param noticeInterval   how often each instance looks for notices (new notes and documents) not delivered yet
 * @param noticeRetention  how long a notice that keeps failing is retried before it is given up (and logged)
 */
@ConfigurationProperties("healthmed.records.clinical")
public record ClinicalRecordProperties(
        @DefaultValue("P7D") Duration writeWindow,
        @DefaultValue("10000") int maxTextLength,
        @DefaultValue("PT5S") Duration noticeInterval,
        @DefaultValue("P7D") Duration noticeRetention) {

    /** The reason for the visit and an amendment's reason are short. */
    public static final int MAX_SHORT_TEXT = 500;

    public ClinicalRecordProperties {
        if (writeWindow.isNegative() || maxTextLength < MAX_SHORT_TEXT || maxTextLength > 100_000) {
            throw new IllegalArgumentException("healthmed.records.clinical.write-window must not be negative and max-text-length "
                    + "must be " + MAX_SHORT_TEXT + " to 100000");
        }
    }
}
