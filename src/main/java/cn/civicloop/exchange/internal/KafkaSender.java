package cn.civicloop.exchange.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends each selected domain event to its topic after the commit that published it, holding no thread while the
 * broker acknowledges. Modulith stores a publication for it with the change (this is an after-commit transactional
 * listener, and a conditional one: only the events the externalization selects); it is marked complete only once
 * the broker has acknowledged the record, and marked failed when the send fails, so that {@code ops} resubmits it.
 * <p>
 * The way of one event, each step on a thread that waits for nothing:
 * <ol>
 * <li>after the commit, on the committing thread: handed to {@link #EXECUTOR} (a queue append);</li>
 * <li>on the sending thread: mapped, routed and appended to the producer's buffer, which returns at once;</li>
 * <li>on the producer's I/O thread, when the broker answers: handed to {@link #COMPLETIONS};</li>
 * <li>there: the publication marked complete, or failed (a database update each).</li>
 * </ol>
 * Why not an annotated listener: Modulith's completion advice waits on the listener's returned future only through
 * Spring's {@code @Async}, which holds its thread until that future completes (a thread per send in flight, so the
 * sends queued for a thread once acknowledgements took 100 ms); and without {@code @Async} the advice's
 * {@code markProcessing} update would run on the committing thread after its transaction ended. An
 * {@code @ApplicationModuleListener} method overridden without {@code @Async} stays asynchronous besides: Spring finds
 * the inherited annotation.
 */
class KafkaSender implements TransactionalApplicationListener<ApplicationEvent>, GenericApplicationListener,
        ConditionalEventListener {

    static final String EXECUTOR = "kafkaSendingExecutor";
    static final String COMPLETIONS = "kafkaCompletionExecutor";

    /**
     * The listener id the publications are stored under: that of the annotated method this class had before, so
     * that publications stored then are still resubmitted to it.
     */
    static final String LISTENER_ID = "cn.civicloop.exchange.internal.KafkaSender.externalize(java.lang.Object)";
    static final PublicationTargetIdentifier TARGET = PublicationTargetIdentifier.of(LISTENER_ID);

    private static final Logger log = LoggerFactory.getLogger(KafkaSender.class);

    private final EventExternalizationConfiguration configuration;
    private final BiFunction<RoutingTarget, Object, CompletableFuture<?>> broker;
    private final Executor sending;
    private final Executor completions;
    private final Supplier<EventPublicationRegistry> registry;

    /**
     * @param broker      appends a mapped record to the producer and returns the send, completed by the broker's answer
     * @param sending     where records are appended; it must keep the order it was given them in (one thread)
     * @param completions where the publications are marked, off the producer's I/O thread
     */
    KafkaSender(EventExternalizationConfiguration configuration,
            BiFunction<RoutingTarget, Object, CompletableFuture<?>> broker, Executor sending, Executor completions,
            Supplier<EventPublicationRegistry> registry) {
        this.configuration = configuration;
        this.broker = broker;
        this.sending = sending;
        this.completions = completions;
        this.registry = registry;
    }

    @Override
    public boolean supports(Object event) {
        return configuration.supports(event);
    }

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass());
    }

    @Override
    public String getListenerId() {
        return LISTENER_ID;
    }

    @Override
    public TransactionPhase getTransactionPhase() {
        return TransactionPhase.AFTER_COMMIT;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Callbacks around the processing are not offered: nothing here needs them. */
    @Override
    public void addCallback(SynchronizationCallback callback) {
        throw new UnsupportedOperationException("KafkaSender takes no synchronization callbacks");
    }

    /**
     * Within a transaction: after its commit, never for a rollback. Outside one (Modulith stored the publication on
     * its own already): at once.
     */
    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (!(event instanceof PayloadApplicationEvent<?> payload) || !supports(payload.getPayload())) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    processEvent(event);
                }
            });
        } else {
            processEvent(event);
        }
    }

    /** After the commit, and for each resubmission of {@code ops}: hands the event to the sending thread. */
    @Override
    public void processEvent(ApplicationEvent event) {
        Object domainEvent = ((PayloadApplicationEvent<?>) event).getPayload();
        try {
            sending.execute(() -> send(domainEvent));
        } catch (RejectedExecutionException e) {
            conclude(domainEvent, e);
        }
    }

    private void send(Object event) {
        CompletableFuture<?> sent;
        try {
            RoutingTarget target = configuration.determineTarget(event);
            sent = broker.apply(target, configuration.map(event));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((result, failure) -> conclude(event, failure));
    }

    /** Marks the publication on a completion thread; should the executor refuse (shutting down), here. */
    private void conclude(Object event, Throwable failure) {
        Runnable mark = () -> {
            if (failure == null) {
                registry.get().markCompleted(event, TARGET);
            } else {
                log.info("Sending {} to Kafka failed ({}); its publication stays incomplete and is resubmitted",
                        event.getClass().getSimpleName(), failure.toString());
                registry.get().markFailed(event, TARGET);
            }
        };
        try {
            completions.execute(mark);
        } catch (RejectedExecutionException e) {
            mark.run();
        }
    }
}
