package cn.civicloop.cases.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.Context;

import cn.civicloop.shared.DataMigration;

/**
 * Flyway V93.1: writes the search terms of the cases stored before V93, in id order, {@link #BATCH} rows per read and
 * one batched update per page, so memory stays flat over millions of rows. Java, not SQL: the terms are what
 * {@link CaseSearchTerms} makes of the text (normalised, 繁 → 简, bigrams), the same function as at write time.
 */
public class CaseSearchTermsBackfill extends DataMigration {

    public CaseSearchTermsBackfill() {
        super("93.1", "case search terms (fill existing rows)");
    }

    static final int BATCH = 2_000;

    private record Row(long id, String terms) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        long after = 0;
        while (true) {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement read = c.prepareStatement("select id, title, content, reply_text from cases_case "
                    + "where id > ? order by id limit " + BATCH)) {
                read.setLong(1, after);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), CaseSearchTerms.of(rs.getString(2), rs.getString(3),
                                rs.getString(4))));
                    }
                }
            }
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement write = c.prepareStatement("update cases_case set search_terms = ? where id = ?")) {
                for (Row r : rows) {
                    write.setString(1, r.terms());
                    write.setLong(2, r.id());
                    write.addBatch();
                }
                write.executeBatch();
            }
            after = rows.get(rows.size() - 1).id();
        }
    }
}
