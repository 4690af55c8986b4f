package cn.civicloop.partner.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends the due deliveries of the outbox on a bounded pool of its own ({@code webhook.pool-size} threads): the
 * scheduler's run only claims as many deliveries as the pool has free threads and hands them over, so a slow or
 * dead receiver holds at most these threads for at most the timeouts — never a request thread, never the
 * scheduler's threads that run the case timers. Each delivery is claimed first (ADR 0037), so two instances never
 * send it at the same time; one that dies mid-way leaves it to be retried after the lease.
 */
@Component
class WebhookDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final int MAX_ERROR = 500;

    private final WebhookOutbox outbox;
    private final PartnerRegistry registry;
    private final WebhookSender sender;
    private final PartnerProperties.Webhook settings;
    private final Duration lease;
    private final Semaphore free;
    private final ExecutorService pool;
    private final Clock clock;

    WebhookDelivery(WebhookOutbox outbox, PartnerRegistry registry, WebhookSender sender, PartnerProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.registry = registry;
        this.sender = sender;
        this.settings = properties.webhook();
        this.lease = settings.connectTimeout().plus(settings.readTimeout()).plusMinutes(1);
        this.free = new Semaphore(settings.poolSize());
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.poolSize(), r -> {
            Thread t = new Thread(r, "partner-webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.clock = clock;
    }

    /** One look at the outbox: hands over as many due deliveries as there are free threads. Returns how many. */
    int deliverDue() {
        int room = Math.min(free.availablePermits(), settings.batchSize());
        if (room == 0) {
            return 0;
        }
        int handed = 0;
        for (WebhookOutbox.Due due : outbox.due(clock.instant(), room)) {
            if (!free.tryAcquire()) {
                break;
            }
            if (!outbox.claim(due, clock.instant().plus(lease))) {
                free.release();
                continue;
            }
            pool.execute(() -> {
                try {
                    attempt(due);
                } finally {
                    free.release();
                }
            });
            handed++;
        }
        return handed;
    }

    /** Threads of the pool taken by a delivery now (for the tests and the admin's page). */
    int busy() {
        return settings.poolSize() - free.availablePermits();
    }

    private void attempt(WebhookOutbox.Due due) {
        Optional<PartnerRegistry.Endpoint> endpoint = registry.endpoint(due.clientRef());
        if (endpoint.isEmpty()) {
            outbox.dead(due.id(), "no webhook: the client was switched off or its webhook removed");
            return;
        }
        try {
            sender.send(endpoint.get(), due);
            outbox.delivered(due.id(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(due, e);
        } catch (Exception e) {
            failed(due, e);
        }
    }

    private void failed(WebhookOutbox.Due due, Exception e) {
        int attempts = due.attempts() + 1;
        String error = describe(e);
        List<Duration> backoff = settings.backoff();
        if (attempts >= settings.maxAttempts()) {
            outbox.dead(due.id(), error);
            log.warn("webhook {} to client {} given up after {} attempts: {}", due.id(), due.clientRef(), attempts, error);
        } else {
            Duration pause = backoff.get(Math.min(attempts, backoff.size()) - 1);
            outbox.retryAt(due.id(), clock.instant().plus(pause), error);
            log.info("webhook {} to client {} failed (attempt {}), retry in {}: {}", due.id(), due.clientRef(), attempts,
                    pause, error);
        }
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
