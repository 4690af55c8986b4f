package cn.civicloop.cases.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.civicloop.cases.internal.sla.ClockState;
import cn.civicloop.cases.internal.sla.Clocks;
import cn.civicloop.shared.DataMigration;

/**
 * Flyway V550 (ADR 0067): the cases packed before their clocks were packed with their steps (values of version 1)
 * get their clocks folded into the packed value (version 2) and their row of {@code cases_clock} deleted, as the
 * archive does now when it packs a case. In case-id order, {@link #BATCH} packed rows per read; on a database
 * without packed cases it reads one empty page. Java, not SQL: the packed form is {@link PackedSteps}'.
 */
public class PackedClocksBackfill extends DataMigration {

    static final int BATCH = 1_000;

    public PackedClocksBackfill() {
        super("550", "case clocks packed with the steps of packed cases");
    }

    private record Packed(long caseId, byte[] steps) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
        Clocks clocks = new Clocks(jdbc);
        long after = 0;
        while (true) {
            List<Packed> page = jdbc.sql("select case_id, steps from cases_timeline_packed where case_id > ? "
                    + "order by case_id limit " + BATCH).param(after)
                    .query((rs, n) -> new Packed(rs.getLong(1), rs.getBytes(2))).list();
            if (page.isEmpty()) {
                return;
            }
            after = page.get(page.size() - 1).caseId();
            List<Packed> older = page.stream().filter(p -> p.steps()[0] == PackedSteps.STEPS_ONLY).toList();
            Map<Long, List<ClockState>> byCase = clocks.of(older.stream().map(Packed::caseId).toList());
            List<Long> folded = new ArrayList<>();
            try (PreparedStatement write = c.prepareStatement(
                    "update cases_timeline_packed set steps = ? where case_id = ?")) {
                for (Packed p : older) {
                    List<Timeline.Row> steps = PackedSteps.unpack(p.steps());
                    write.setBytes(1, PackedSteps.pack(steps, byCase.getOrDefault(p.caseId(), List.of())));
                    write.setLong(2, p.caseId());
                    write.addBatch();
                    folded.add(p.caseId());
                }
                write.executeBatch();
            }
            if (!folded.isEmpty()) {
                jdbc.sql("delete from cases_clock where case_id in (:ids)").param("ids", folded).update();
            }
        }
    }
}
