package cn.civicloop.ops.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fewer statements for the event publication registry (ADR 0062). Spring Modulith's JDBC repository writes, for
 * every listener an event concerns, an insert in the publishing transaction, then, around the listener, an update to
 * {@code PROCESSING} and an update to {@code COMPLETED}, each of the two in a transaction of its own; an appeal's
 * steps concern about ten listeners, so these were 30 statements and 20 commits of every appeal. Here the repository
 * is wrapped:
 * <ul>
 * <li>the publications of one transaction are written in one multi-row insert just before its commit (the
 * listeners run after the commit, so the rows are there when they start), each event serialised once however many
 * listeners it concerns;</li>
 * <li>the update to {@code PROCESSING} is not written: nothing here reads it (the resubmission takes every
 * publication without a completion date, whatever its status, and Modulith's staleness monitor is not enabled), so a
 * publication goes from {@code PUBLISHED} to {@code COMPLETED}, or {@code FAILED}, as the Kafka sender's always did
 * (ADR 0050).</li>
 * </ul>
 * Everything else (completion, failure, resubmission, the reads) is Modulith's own. Outside a transaction a
 * publication is inserted at once, as before.
 */
@Configuration(proxyBeanMethods = false)
class PublicationWrites {

    /** Columns and values as Modulith 2.0.3's repository (schema v2) inserts them. */
    static final String INSERT = "insert into event_publication (id, event_type, listener_id, publication_date, "
            + "serialized_event, status, completion_attempts, last_resubmission_date) values ";
    static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * Rows per statement: a transaction publishing thousands of events (an import) stays far below the drivers'
     * limit of bind parameters (32,767 on PostgreSQL) at 8 a row.
     */
    static final int ROWS_PER_INSERT = 500;

    @Bean
    static BeanPostProcessor publicationWritesWrapper(ObjectProvider<JdbcOperations> jdbc,
            ObjectProvider<EventSerializer> serializer) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof EventPublicationRepository repository && !(bean instanceof Batching)
                        ? new Batching(repository, jdbc, serializer) : bean;
            }
        };
    }

    /** The wrapped repository. */
    static final class Batching implements EventPublicationRepository {

        private final EventPublicationRepository delegate;
        private final ObjectProvider<JdbcOperations> jdbc;
        private final ObjectProvider<EventSerializer> serializer;

        Batching(EventPublicationRepository delegate, ObjectProvider<JdbcOperations> jdbc,
                ObjectProvider<EventSerializer> serializer) {
            this.delegate = delegate;
            this.jdbc = jdbc;
            this.serializer = serializer;
        }

        @Override
        public TargetEventPublication create(TargetEventPublication publication) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()
                    || !TransactionSynchronizationManager.isSynchronizationActive()) {
                return delegate.create(publication);
            }
            // the current transaction's own synchronizations: an inner REQUIRES_NEW one has its own list
            Pending pending = null;
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                if (s instanceof Pending p && p.owner() == this) {
                    pending = p;
                }
            }
            if (pending == null) {
                pending = new Pending();
                TransactionSynchronizationManager.registerSynchronization(pending);
            } else if (pending.written) {
                // published while the transaction commits, after the batch was written: written on its own
                return delegate.create(publication);
            }
            pending.publications.add(publication);
            return publication;
        }

        /** The publications of one transaction, written before it commits. */
        private final class Pending implements TransactionSynchronization {

            final List<TargetEventPublication> publications = new ArrayList<>();
            boolean written;

            @Override
            public void beforeCommit(boolean readOnly) {
                written = true;
                if (publications.isEmpty()) {
                    return;
                }
                Map<Object, String> serialized = new IdentityHashMap<>();
                for (int from = 0; from < publications.size(); from += ROWS_PER_INSERT) {
                    insert(publications.subList(from, Math.min(publications.size(), from + ROWS_PER_INSERT)),
                            serialized);
                }
            }

            private void insert(List<TargetEventPublication> rows, Map<Object, String> serialized) {
                StringBuilder sql = new StringBuilder(INSERT);
                Object[] args = new Object[rows.size() * 8];
                int a = 0;
                for (int i = 0; i < rows.size(); i++) {
                    TargetEventPublication p = rows.get(i);
                    sql.append(i == 0 ? ROW : ", " + ROW);
                    Timestamp at = Timestamp.from(p.getPublicationDate());
                    args[a++] = p.getIdentifier();
                    args[a++] = p.getEvent().getClass().getName();
                    args[a++] = p.getTargetIdentifier().getValue();
                    args[a++] = at;
                    args[a++] = serialized.computeIfAbsent(p.getEvent(),
                            e -> serializer.getObject().serialize(e).toString());
                    args[a++] = p.getStatus().name();
                    args[a++] = 1;
                    args[a++] = at;
                }
                jdbc.getObject().update(sql.toString(), args);
            }

            Batching owner() {
                return Batching.this;
            }
        }

        /** Not written: see the class comment. */
        @Override
        public void markProcessing(UUID identifier) {
        }

        @Override
        public void markCompleted(TargetEventPublication publication, Instant completionDate) {
            delegate.markCompleted(publication, completionDate);
        }

        @Override
        public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
            delegate.markCompleted(event, identifier, completionDate);
        }

        @Override
        public void markCompleted(UUID identifier, Instant completionDate) {
            delegate.markCompleted(identifier, completionDate);
        }

        @Override
        public void markFailed(UUID identifier) {
            delegate.markFailed(identifier);
        }

        @Override
        public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
            return delegate.markResubmitted(identifier, resubmissionDate);
        }

        @Override
        public List<TargetEventPublication> findIncompletePublications() {
            return delegate.findIncompletePublications();
        }

        @Override
        public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
            return delegate.findIncompletePublicationsPublishedBefore(instant);
        }

        @Override
        public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
                PublicationTargetIdentifier targetIdentifier) {
            return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
        }

        @Override
        public List<TargetEventPublication> findCompletedPublications() {
            return delegate.findCompletedPublications();
        }

        @Override
        public void deletePublications(List<UUID> identifiers) {
            delegate.deletePublications(identifiers);
        }

        @Override
        public void deleteCompletedPublications() {
            delegate.deleteCompletedPublications();
        }

        @Override
        public void deleteCompletedPublicationsBefore(Instant instant) {
            delegate.deleteCompletedPublicationsBefore(instant);
        }

        @Override
        public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
            return delegate.findFailedPublications(criteria);
        }

        @Override
        public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
            return delegate.findByStatus(status);
        }

        @Override
        public int countByStatus(EventPublication.Status status) {
            return delegate.countByStatus(status);
        }
    }
}
