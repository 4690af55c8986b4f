package cn.civicloop.opinion.internal;

import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.civicloop.shared.DataMigration;
import cn.civicloop.shared.DistrictTime;

/** Flyway V381: the per-day counts of every topic from the posts and cases it already holds. */
public class TopicDaysBackfill extends DataMigration {

    public TopicDaysBackfill() {
        super("381", "opinion topic days (fill from existing posts and cases)");
    }

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = onPostgres(context.getConnection());
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        jdbc.sql("insert into opinion_topic_day (topic_id, on_day, posts, cases) " + counts(postgres)).update();
    }

    /** The counts per topic and district day of the posts and cases stored: columns topic_id, on_day, posts, cases. */
    static String counts(boolean postgres) {
        return "select topic_id, on_day, sum(posts) as posts, sum(cases) as cases from ("
                + "select topic_id, " + DistrictTime.daySql("posted_at", postgres) + " as on_day, 1 as posts, 0 as cases "
                + "from opinion_post union all "
                + "select topic_id, " + DistrictTime.daySql("opened_at", postgres) + " as on_day, 0 as posts, 1 as cases "
                + "from opinion_case) items group by topic_id, on_day";
    }
}
