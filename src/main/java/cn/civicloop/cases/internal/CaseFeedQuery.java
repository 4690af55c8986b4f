package cn.civicloop.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseFeed;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.Channel;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.PersonalDataCipher;

/**
 * The outside systems' reads of cases. The window walks {@code cases_case_created} newest first and stops at the
 * limit, whatever the size of the table; the filters on category and status are applied on the way, so a narrow
 * filter over a wide window reads more index entries, never the whole table.
 */
@Service
@Transactional(readOnly = true)
class CaseFeedQuery implements CaseFeed {

    private static final String COLUMNS = """
            select c.number, c.status, c.channel, c.external_ref, c.category, c.title, c.content, c.lat, c.lon,
                   c.department_id, c.created_at, c.updated_at, c.closed_at, c.due_at, c.anonymous, d.number as merged_into
            from cases_case c left join cases_case d on d.id = c.duplicate_of
            """;

    /**
     * The ended states as literals in the statement (the enum's names, never input): PostgreSQL then matches the
     * partial index of the cases still open (V91_1), which a bound parameter would hide from a generic plan.
     */
    private static final String ENDED = java.util.Arrays.stream(CaseStatus.values()).filter(CaseStatus::ended)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final Directory directory;
    private final PersonalDataCipher cipher;
    private final Timeline timeline;

    CaseFeedQuery(JdbcClient jdbc, Directory directory, PersonalDataCipher cipher, Timeline timeline) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.cipher = cipher;
        this.timeline = timeline;
    }

    @Override
    public List<FeedCase> window(Instant from, Instant to, Collection<String> categories, Boolean ended,
            Collection<Channel> leftOut, int offset, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where c.created_at >= ? and c.created_at < ?");
        List<Object> params = new ArrayList<>(List.of(Cases.ts(from), Cases.ts(to)));
        if (!categories.isEmpty()) {
            sql.append(" and c.category in (").append(marks(categories.size())).append(')');
            params.addAll(categories);
        }
        if (ended != null) {
            sql.append(ended ? " and c.status in (" : " and c.status not in (").append(ENDED).append(')');
        }
        if (!leftOut.isEmpty()) {
            sql.append(" and c.channel not in (").append(marks(leftOut.size())).append(')');
            leftOut.forEach(c -> params.add(c.name()));
        }
        // limit and offset as parameters: one statement text per filter, planned once per connection, not per page
        sql.append(" order by c.created_at desc, c.id desc limit ? offset ?");
        params.add(Math.max(0, limit));
        params.add(Math.max(0, offset));
        return jdbc.sql(sql.toString()).params(params).query(this::feedCase).list();
    }

    @Override
    public List<FeedCase> byNumbers(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        List<String> wanted = List.copyOf(numbers);
        Map<String, FeedCase> found = jdbc.sql(COLUMNS + " where c.number in (" + marks(wanted.size()) + ")")
                .params(new ArrayList<Object>(wanted)).query(this::feedCase).list().stream()
                .collect(Collectors.toMap(FeedCase::number, Function.identity(), (a, b) -> a));
        return wanted.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Through {@link Timeline#of}: the steps of an archived case are read from its packed row (ADR 0065). */
    @Override
    public List<FeedNote> publicNotes(String number) {
        Optional<Long> id = jdbc.sql("select id from cases_case where number = ?").param(number).query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return List.of();
        }
        return timeline.of(id.get()).stream().filter(Timeline.Row::publicEntry)
                .map(r -> note(r.id(), number, r.at(), r.action(), r.to(), r.reason(), r.actorRole())).toList();
    }

    /**
     * Reads {@code cases_timeline} by time only: the steps of archived cases, packed (ADR 0065), are not in it. A
     * case is archived no sooner than {@code civicloop.cases.archive-after} (at least 90 days) after it ended, so the
     * default window of the most recent 90 days is whole; a window further back lists the steps of the cases not
     * archived only, as docs/cases.md says.
     */
    @Override
    public List<FeedNote> publicNotesBetween(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                select t.id, c.number, t.occurred_at, t.action, t.to_status, t.reason, t.actor_role
                from cases_timeline t join cases_case c on c.id = t.case_id
                where t.occurred_at >= ? and t.occurred_at < ? and t.public_entry = true
                order by t.occurred_at, t.id limit\s""" + Math.max(0, limit))
                .params(Cases.ts(from), Cases.ts(to)).query(this::note).list().stream()
                .sorted(Comparator.comparing(FeedNote::at).thenComparing(FeedNote::id)).toList();
    }

    @Override
    public Optional<FeedContact> contact(String number) {
        return jdbc.sql("select contact_name, contact_phone, address from cases_case where number = ?").param(number)
                .query((rs, n) -> new FeedContact(cipher.open(rs.getString(1)), cipher.open(rs.getString(2)),
                        cipher.open(rs.getString(3))))
                .optional();
    }

    private FeedCase feedCase(ResultSet rs, int row) throws SQLException {
        return new FeedCase(rs.getString("number"), CaseStatus.valueOf(rs.getString("status")),
                Channel.valueOf(rs.getString("channel")), rs.getString("external_ref"), rs.getString("category"),
                rs.getString("title"), rs.getString("content"), rs.getObject("lat", Double.class),
                rs.getObject("lon", Double.class),
                DepartmentNames.of(directory, rs.getObject("department_id", Long.class)),
                Cases.instant(rs, "created_at"), Cases.instant(rs, "updated_at"), Cases.instant(rs, "closed_at"),
                Cases.instant(rs, "due_at"), rs.getBoolean("anonymous"), rs.getString("merged_into"));
    }

    private FeedNote note(ResultSet rs, int row) throws SQLException {
        return note(rs.getLong("id"), rs.getString("number"), Cases.instant(rs, "occurred_at"),
                CaseAction.valueOf(rs.getString("action")), CaseStatus.valueOf(rs.getString("to_status")),
                rs.getString("reason"), rs.getString("actor_role"));
    }

    private static FeedNote note(long id, String number, Instant at, CaseAction action, CaseStatus to, String reason,
            String actorRole) {
        String remark = Visibility.remarkIsPublic(action) ? reason : null;
        return new FeedNote(id, number, at, action, action.label(), to, remark,
                StepRemark.parse(action, actorRole, remark).orElse(null));
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
