package cn.civicloop.board.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The board's copy of the cases: {@code board_case}, already anonymised. */
@Repository
class BoardCases {

    /** A row of {@code board_case}. */
    record Row(String number, boolean published, String withheld, boolean photosAgreed,
            Anonymiser.Salutation salutation, String category, String title, String streetCode, String communityCode,
            String departmentName, String status, boolean open, Instant openedAt, Instant updatedAt,
            Instant closedAt, String reply) {

        /** What a refresh after a step of the case writes. */
        Progress progress() {
            return new Progress(published, withheld, category, departmentName, status, open, updatedAt, closedAt, reply);
        }
    }

    /** The columns of a row that follow the case's steps. */
    record Progress(boolean published, String withheld, String category, String departmentName, String status,
            boolean open, Instant updatedAt, Instant closedAt, String reply) {
    }

    /** Published open cases of one area. */
    record AreaCount(String streetCode, String communityCode, long open) {
    }

    private final JdbcClient jdbc;

    BoardCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(Row r) {
        return jdbc.sql("""
                insert into board_case (case_number, published, withheld, photos_agreed, salutation,
                    category, title, street_code, community_code, department_name, status, is_open, opened_at,
                    updated_at, closed_at, reply)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(r.number(), r.published(), r.withheld(), r.photosAgreed(),
                        r.salutation().name(), r.category(), r.title(), r.streetCode(), r.communityCode(),
                        r.departmentName(), r.status(), r.open(), ts(r.openedAt()), ts(r.updatedAt()),
                        ts(r.closedAt()), r.reply())
                .update() == 1;
    }

    Optional<Row> find(String number) {
        return jdbc.sql("select * from board_case where case_number = ?").param(number).query(BoardCases::row)
                .optional();
    }

    void update(String number, Progress p) {
        jdbc.sql("""
                update board_case set published = ?, withheld = ?, category = ?, department_name = ?, status = ?,
                    is_open = ?, updated_at = ?, closed_at = ?, reply = ?
                where case_number = ?""")
                .params(p.published(), p.withheld(), p.category(), p.departmentName(), p.status(), p.open(),
                        ts(p.updatedAt()), ts(p.closedAt()), p.reply(), number)
                .update();
    }

    void place(String number, String streetCode, String communityCode) {
        jdbc.sql("update board_case set street_code = ?, community_code = ? where case_number = ?")
                .params(streetCode, communityCode, number).update();
    }

    /** A page of published cases, newest first, after the keyset cursor (opened_at, number) when given. */
    List<Row> page(Instant beforeOpenedAt, String beforeNumber, int limit) {
        if (beforeOpenedAt == null) {
            return jdbc.sql("""
                    select * from board_case where published = true
                    order by opened_at desc, case_number desc fetch first ? rows only""")
                    .param(limit).query(BoardCases::row).list();
        }
        return jdbc.sql("""
                select * from board_case where published = true
                  and (opened_at < ? or (opened_at = ? and case_number < ?))
                order by opened_at desc, case_number desc fetch first ? rows only""")
                .params(ts(beforeOpenedAt), ts(beforeOpenedAt), beforeNumber, limit).query(BoardCases::row).list();
    }

    /** Open published cases per community (and street); read by the snapshot, once a refresh. */
    List<AreaCount> openByArea() {
        return jdbc.sql("""
                select street_code, community_code, count(*) from board_case
                where published = true and is_open = true
                group by street_code, community_code""")
                .query((rs, n) -> new AreaCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("case_number"), rs.getBoolean("published"), rs.getString("withheld"),
                rs.getBoolean("photos_agreed"),
                Anonymiser.Salutation.valueOf(rs.getString("salutation")), rs.getString("category"),
                rs.getString("title"), rs.getString("street_code"), rs.getString("community_code"),
                rs.getString("department_name"), rs.getString("status"), rs.getBoolean("is_open"),
                instant(rs, "opened_at"), instant(rs, "updated_at"), instant(rs, "closed_at"), rs.getString("reply"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
