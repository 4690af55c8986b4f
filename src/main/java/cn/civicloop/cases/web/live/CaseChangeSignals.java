package cn.civicloop.cases.web.live;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cluster.ClusterSignals;

/**
 * Turns the cases module's public {@link CaseTransitioned} (one per command, the intake's SUBMIT included) into a
 * cluster signal {@code cases} = {@code "<department id or ->|<action>"}, sent after the command's transaction
 * committed. A plain (synchronous) listener on purpose: a transactional or module listener would add an event
 * publication row to every case command, and a lost signal only delays a list refresh. It never lets a failure
 * reach the case command.
 */
@Component
class CaseChangeSignals {

    static final String TOPIC = "cases";
    private static final Logger log = LoggerFactory.getLogger(CaseChangeSignals.class);

    private final ClusterSignals signals;

    CaseChangeSignals(ClusterSignals signals) {
        this.signals = signals;
    }

    @EventListener
    void on(CaseTransitioned e) {
        String payload = (e.departmentId() == null ? "-" : e.departmentId().toString()) + "|" + e.action().name();
        try {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        send(payload);
                    }
                });
            } else {
                send(payload);
            }
        } catch (RuntimeException ex) {
            log.warn("case change signal for {} not registered: {}", e.number(), ex.getMessage());
        }
    }

    private void send(String payload) {
        try {
            signals.publish(TOPIC, payload);
        } catch (RuntimeException ex) {
            log.warn("case change signal not sent: {}", ex.getMessage());
        }
    }

    /** A parsed signal. */
    record Change(Long departmentId, CaseAction action) {

        static Change parse(String payload) {
            int bar = payload.indexOf('|');
            String dept = payload.substring(0, bar);
            return new Change("-".equals(dept) ? null : Long.valueOf(dept),
                    CaseAction.valueOf(payload.substring(bar + 1)));
        }
    }

}
