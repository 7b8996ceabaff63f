package br.com.healthmed.platform.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.graphql.execution.*}: how long a GraphQL request's storage calls may take together, and how
 * many HTTP executions an instance runs at once (docs/reliability.md, "Request deadline" and "Shedding").
 *
 * @param storageDeadline every DynamoDB and S3 metadata call made for one request (an HTTP request, or one
 *                        event a subscription pushes) must be done this long after it started. 1.5 s: a
 *                        healthy DynamoDB answers in milliseconds, and with the answer's own work the client
 *                        has it within about 2 s even when every call stalls.
 * @param maxInFlight     HTTP GraphQL executions running at once on this instance (operations over WebSocket,
 *                        held subscriptions among them, do not count). 64 for a 2-CPU pod: it measured about 330 requests/s (docs/capacity.md),
 *                        so 64 in flight is about 0.2 s of work, and 64 at the 75 bookings/s of the chaos
 *                        suite's loaded cores about 0.85 s; more would only queue for the same two cores, and
 *                        fewer would leave the cores idle while requests wait on DynamoDB (a few ms of CPU each
 *                        to several ms of waiting). The password hashes' own bound (4 running, 16 waiting at
 *                        most) fits inside it: logins hold at most 20 of the 64 turns.
 * @param queueWait       how long a request may wait for a turn before it is answered {@code SERVICE_BUSY}
 */
@ConfigurationProperties("healthmed.graphql.execution")
record ExecutionLimits(@DefaultValue("PT1.5S") Duration storageDeadline, @DefaultValue("64") int maxInFlight,
                       @DefaultValue("PT0.1S") Duration queueWait) {

    ExecutionLimits {
        // zero would not mean "off" but "refuse everything": refuse to start instead
        if (storageDeadline.isNegative() || storageDeadline.isZero() || maxInFlight < 1 || queueWait.isNegative()) {
            throw new IllegalArgumentException("healthmed.graphql.execution: storage-deadline and max-in-flight must be"
                    + " positive and queue-wait not negative, not " + storageDeadline + ", " + maxInFlight + ", " + queueWait);
        }
    }
}
