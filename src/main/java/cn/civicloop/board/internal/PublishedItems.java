package cn.civicloop.board.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.board.BoardItems;

/** {@code board_item}: the supervision items the media centre published; the newest few are on the board. */
@Repository
class PublishedItems implements BoardItems {

    static final int SHOWN = 20;

    private final JdbcClient jdbc;

    PublishedItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void publish(Item i) {
        jdbc.sql("delete from board_item where item_id = ?").param(i.id()).update();
        jdbc.sql("""
                insert into board_item (item_id, title, subject, department_name, case_number, body, published_at,
                    response, responded_at, overdue) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.id(), i.title(), i.subject(), i.departmentName(), i.caseNumber(), i.body(),
                        ts(i.publishedAt()), i.response(), ts(i.respondedAt()), i.overdue())
                .update();
    }

    List<BoardSnapshot.PublishedItem> published() {
        return jdbc.sql("select * from board_item order by published_at desc, item_id desc fetch first ? rows only")
                .param(SHOWN).query(PublishedItems::row).list();
    }

    private static BoardSnapshot.PublishedItem row(ResultSet rs, int n) throws SQLException {
        return new BoardSnapshot.PublishedItem(rs.getLong("item_id"), rs.getString("title"), rs.getString("subject"),
                rs.getString("department_name"), rs.getString("case_number"), rs.getString("body"),
                instant(rs.getTimestamp("published_at")), rs.getString("response"),
                instant(rs.getTimestamp("responded_at")), rs.getBoolean("overdue"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
