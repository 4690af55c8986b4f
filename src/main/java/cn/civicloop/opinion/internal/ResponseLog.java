package cn.civicloop.opinion.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.directory.Actor;

/**
 * The timeline of a linked response: who did what, when and why (the response's case keeps its own timeline of
 * the case steps; this one holds what happens around it: opening, tasks, replies, the answer).
 */
@Repository
public class ResponseLog {

    /** Who the system is in the log: no name of a language, the reader's word for it is shown. */
    static final String SYSTEM = "system";

    /**
     * One entry; {@code kind} is read through the bundle as {@code opinion.log.<kind>}.
     *
     * @param actorName the person who acted; null when the system did (a page shows its word for the system)
     */
    public record Entry(Instant at, String actorName, String kind, String note) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ResponseLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(long responseId, Actor actor, String kind, String note) {
        add(responseId, actor.username(), actor.displayName(), kind, note);
    }

    /** An entry for a step taken elsewhere (on the case page), by the name the case's timeline gives. */
    void add(long responseId, String username, String displayName, String kind, String note) {
        jdbc.sql("insert into opinion_response_log (response_id, at, actor, actor_name, kind, note) values (?, ?, ?, ?, ?, ?)")
                .params(responseId, Timestamp.from(clock.instant()), username, displayName, kind,
                        note == null || note.length() <= 4000 ? note : note.substring(0, 4000))
                .update();
    }

    /** Oldest first; a response has tens of entries, not thousands. */
    List<Entry> of(long responseId) {
        return jdbc.sql("select at, actor, actor_name, kind, note from opinion_response_log where response_id = ?"
                        + " order by at, id")
                .param(responseId)
                .query((rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), bySystem(rs.getString(2), rs.getString(3))
                        ? null : rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Earlier rows named the system in Chinese (系统) under the module that wrote them. */
    private static boolean bySystem(String actor, String actorName) {
        return SYSTEM.equals(actor) || "系统".equals(actorName);
    }
}
