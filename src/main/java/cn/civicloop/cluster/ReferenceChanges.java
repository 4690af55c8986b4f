package cn.civicloop.cluster;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance that some reference data (time limits, the escalation ladder, departments, the routing
 * catalogue) changed, so each drops its in-memory copy at once rather than when the copy's time-to-live runs out.
 * The time-to-live stays as the backstop: signals are at most once, and after a gap every copy is dropped anyway.
 */
@Component
public class ReferenceChanges {

    private final ClusterSignals signals;

    public ReferenceChanges(ClusterSignals signals) {
        this.signals = signals;
    }

    /**
     * Runs {@code forget} on this instance whenever any instance announces {@code topic}, and when signals may have
     * been lost. {@code forget} must be quick (clear a map).
     */
    public void onChange(String topic, Runnable forget) {
        signals.subscribe(topic, new ClusterSignals.Subscriber() {
            @Override
            public void onSignal(String payload) {
                forget.run();
            }

            @Override
            public void onGap() {
                forget.run();
            }
        });
    }

    /** Announces {@code topic} to every instance after the current transaction commits (at once outside one). */
    public void announce(String topic) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signals.publish(topic, "");
                }
            });
        } else {
            signals.publish(topic, "");
        }
    }
}
