package cn.civicloop.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's publications of one transaction are written together before it commits, each event serialised
 * once; a transaction rolled back leaves none, an inner transaction of its own writes its own at its own commit, and
 * outside a transaction a publication is written at once by Modulith's repository. No {@code PROCESSING} update.
 */
class PublicationWritesTests {

    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private EventPublicationRepository modulith;
    private final AtomicInteger serialised = new AtomicInteger();
    private PublicationWrites.Batching batching;

    @BeforeEach
    void database() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:publication-writes-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("""
                create table event_publication (id uuid not null primary key, listener_id varchar not null,
                    event_type varchar not null, serialized_event varchar not null,
                    publication_date timestamp(6) with time zone not null, completion_date timestamp(6) with time zone,
                    status varchar(20), completion_attempts int, last_resubmission_date timestamp(6) with time zone)""");
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        modulith = mock(EventPublicationRepository.class);
        EventSerializer serializer = new EventSerializer() {
            @Override
            public Object serialize(Object event) {
                serialised.incrementAndGet();
                return "{\"event\":\"" + event + "\"}";
            }

            @Override
            public <T> T deserialize(Object serialized, Class<T> type) {
                throw new UnsupportedOperationException();
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("jdbc", jdbc, "serializer", serializer));
        batching = new PublicationWrites.Batching(modulith, beans.getBeanProvider(JdbcOperations.class),
                beans.getBeanProvider(EventSerializer.class));
    }

    @AfterEach
    void close() {
        jdbc.execute("shutdown");
    }

    @Test
    void aTransactionsPublicationsAreWrittenAtItsCommitEachEventSerialisedOnce() {
        Instant at = Instant.parse("2026-12-07T02:00:00Z");
        tx.executeWithoutResult(status -> {
            batching.create(TargetEventPublication.of("opened-1", PublicationTargetIdentifier.of("triage"), at));
            batching.create(TargetEventPublication.of("opened-1", PublicationTargetIdentifier.of("topics"), at));
            batching.create(TargetEventPublication.of("moved-1", PublicationTargetIdentifier.of("board"), at));
            assertThat(rows()).as("nothing written before the commit").isZero();
        });
        assertThat(rows()).isEqualTo(3);
        assertThat(serialised).as("one serialisation per event").hasValue(2);
        List<Map<String, Object>> stored = jdbc.queryForList("select listener_id, event_type, serialized_event, status,"
                + " completion_attempts, completion_date from event_publication order by listener_id");
        assertThat(stored).extracting(r -> r.get("listener_id")).containsExactly("board", "topics", "triage");
        assertThat(stored.get(2)).containsEntry("event_type", "java.lang.String")
                .containsEntry("serialized_event", "{\"event\":\"opened-1\"}").containsEntry("status", "PUBLISHED")
                .containsEntry("completion_attempts", 1).containsEntry("completion_date", null);
        verify(modulith, never()).create(any());
    }

    @Test
    void aTransactionOfThousandsOfPublicationsIsWrittenInSeveralStatementsNoneLost() {
        Instant at = Instant.parse("2026-12-07T02:00:00Z");
        int count = PublicationWrites.ROWS_PER_INSERT * 2 + 203;
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                batching.create(TargetEventPublication.of("imported-" + i, PublicationTargetIdentifier.of("triage"), at));
            }
        });
        assertThat(rows()).isEqualTo(count);
        assertThat(jdbc.queryForObject("select count(distinct serialized_event) from event_publication", Integer.class))
                .isEqualTo(count);
    }

    @Test
    void aRolledBackTransactionLeavesNoPublication() {
        tx.executeWithoutResult(status -> {
            batching.create(TargetEventPublication.of("opened-2", PublicationTargetIdentifier.of("triage")));
            status.setRollbackOnly();
        });
        assertThat(rows()).isZero();
    }

    @Test
    void anInnerTransactionOfItsOwnWritesItsPublicationsAtItsOwnCommit() {
        TransactionTemplate inner = new TransactionTemplate(tx.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        tx.executeWithoutResult(outer -> {
            batching.create(TargetEventPublication.of("outer", PublicationTargetIdentifier.of("a")));
            inner.executeWithoutResult(status -> batching.create(
                    TargetEventPublication.of("inner", PublicationTargetIdentifier.of("b"))));
            assertThat(rows()).as("the inner transaction's, committed").isEqualTo(1);
            outer.setRollbackOnly();
        });
        assertThat(jdbc.queryForList("select serialized_event from event_publication", String.class))
                .containsExactly("{\"event\":\"inner\"}");
    }

    @Test
    void outsideATransactionModulithsRepositoryWritesAtOnceAndProcessingIsNotWritten() {
        TargetEventPublication p = TargetEventPublication.of("alone", PublicationTargetIdentifier.of("x"));
        batching.create(p);
        verify(modulith).create(p);
        batching.markProcessing(p.getIdentifier());
        verify(modulith, never()).markProcessing(any());
        batching.markCompleted(p.getIdentifier(), Instant.EPOCH);
        verify(modulith).markCompleted(p.getIdentifier(), Instant.EPOCH);
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from event_publication", Integer.class);
    }
}
