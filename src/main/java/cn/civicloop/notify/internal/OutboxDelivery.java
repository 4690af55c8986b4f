package cn.civicloop.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.civicloop.notify.ResidentChannel;

/**
 * Sends the due messages of the outbox, one attempt each. Runs outside any transaction: a slow or broken gateway
 * holds no database lock and never touches a case. Each message is claimed first, so two senders (two instances,
 * or a run that outlived its lease) never send it twice at the same time.
 */
@Component
class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    /** Longer than any send may take (the webhook times out long before). */
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int MAX_ERROR = 500;

    private final Outbox outbox;
    private final ResidentChannels channels;
    private final RetryPolicy retries;
    private final int batchSize;
    private final Clock clock;

    OutboxDelivery(Outbox outbox, ResidentChannels channels, NotifyProperties properties, Clock clock) {
        this.outbox = outbox;
        this.channels = channels;
        this.retries = RetryPolicy.of(properties);
        this.batchSize = properties.batchSize();
        this.clock = clock;
    }

    /** One run: every message due now, up to the batch size. Returns how many were sent. */
    int deliverDue() {
        int sent = 0;
        for (Outbox.Due due : outbox.due(channels.names(), clock.instant(), batchSize)) {
            if (outbox.claim(due, clock.instant().plus(LEASE)) && attempt(due)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean attempt(Outbox.Due due) {
        ResidentChannel channel = channels.named(due.channel()).orElseThrow();
        try {
            channel.send(due.message());
            outbox.sent(due.id(), clock.instant());
            return true;
        } catch (Exception e) {
            failed(due, e);
            return false;
        }
    }

    private void failed(Outbox.Due due, Exception e) {
        int attempts = due.attempts() + 1;
        String error = describe(e);
        Optional<Duration> pause = retries.pauseAfter(attempts);
        if (pause.isPresent()) {
            outbox.retryAt(due.id(), clock.instant().plus(pause.get()), error);
            log.info("message {} for case {} failed (attempt {}), retry in {}: {}", due.id(),
                    due.message().caseNumber(), attempts, pause.get(), error);
        } else {
            outbox.failed(due.id(), error);
            log.warn("message {} for case {} given up after {} attempts: {}", due.id(), due.message().caseNumber(),
                    attempts, error);
        }
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
