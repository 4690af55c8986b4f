package cn.civicloop.cases.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CasePlaced;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.shared.SelectiveListener;

/**
 * Keeps the daily figures up to date: after every command on a case (its {@link CaseTransitioned}, in a transaction
 * of its own tracked by the event publication registry) the case's share of the figures is read again from its row
 * and the difference to the share it had is applied. Reading the state instead of adding the event makes a
 * redelivered or late event harmless; the share row, locked first, orders two events of one case.
 */
@Component
class DayFigureUpdates implements SelectiveListener {

    private final JdbcClient jdbc;
    private final String shareColumns;
    private final FigureShares shares;

    DayFigureUpdates(JdbcClient jdbc, DayFigureRebuild rebuild, FigureShares shares) {
        this.jdbc = jdbc;
        this.shareColumns = rebuild.shareColumns();
        this.shares = shares;
    }

    /** The steps that name a (new) handling department: the only way an open case's share changes. */
    private static final Set<CaseAction> NAMING = EnumSet.of(CaseAction.ASSIGN, CaseAction.REASSIGN,
            CaseAction.ARBITRATE);

    /**
     * Whether a step can change the case's share, so that only those store a publication and read the case again.
     * An open case counts only where it was opened (its day, channel, department and street); what it did counts
     * from the step that ended it on. So: the first step (the case is new), any step into or out of an ended status
     * or on an ended case (a late follow-up answer), and the steps that name a department. A place corrected to
     * another street is {@link CasePlaced}, below.
     */
    public static boolean concerns(CaseTransitioned event) {
        return event.from() == null || event.to() == null || event.from().ended() || event.to().ended()
                || NAMING.contains(event.action());
    }

    /** Only the steps {@link #concerns} names, and a place moved to another street, store a publication here. */
    @Override
    public boolean takes(Object event) {
        if (event instanceof CaseTransitioned t) {
            return concerns(t);
        }
        return !(event instanceof CasePlaced p) || p.streetChanged();
    }

    @ApplicationModuleListener
    void on(CaseTransitioned event) {
        refresh(event.number());
    }

    /** A case moved to another street: its share moves with it (its opening counts where it lies now). */
    @ApplicationModuleListener
    void on(CasePlaced event) {
        refresh(event.number());
    }

    void refresh(String number) {
        Optional<Long> id = jdbc.sql("select id from cases_case where number = ?").param(number).query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return;
        }
        Optional<FigureShare> kept = share(id.get());
        if (kept.isEmpty() && shares.packed(id.get())) {
            // a packed case's share is what its row adds, and its row has not changed since it was packed: a step
            // that changes it restores the case, and its share, first (ADR 0068). An event handled late lands here.
            return;
        }
        if (kept.isEmpty()) {
            jdbc.sql("insert into cases_figure_share (case_id, department_id, street_code, channel, on_time, answered, "
                    + "satisfied) values (?, 0, '', '', false, false, false) on conflict do nothing").param(id.get())
                    .update();
        }
        FigureShare before = kept.isPresent() ? kept.get() : share(id.get()).orElseThrow();
        FigureShare now = jdbc.sql("select " + shareColumns + " from cases_case where id = ?")
                .param(id.get()).query((rs, n) -> FigureShare.read(rs)).single();
        if (now.equals(before)) {
            return;
        }
        jdbc.sql("""
                update cases_figure_share set department_id = ?, street_code = ?, channel = ?, opened_day = ?,
                    ended_day = ?, ended_status = ?, on_time = ?, answered = ?, satisfied = ?
                where case_id = ?""")
                .params(now.departmentId(), now.streetCode(), now.channel(), now.openedDay(), now.endedDay(),
                        now.endedStatus(), now.onTime(), now.answered(), now.satisfied(), id.get())
                .update();
        Map<FigureShare.Key, long[]> delta = now.minus(before);
        delta.forEach(this::add);
        // then the day's totals per channel, in key order too: every writer takes its rows in the same order
        Map<FigureShare.Key, long[]> totals = new TreeMap<>();
        delta.forEach((key, d) -> {
            long[] t = totals.computeIfAbsent(new FigureShare.Key(key.day(), 0, "", key.channel()),
                    k -> new long[d.length]);
            for (int i = 0; i < d.length; i++) {
                t[i] += d[i];
            }
        });
        totals.forEach(this::addTotal);
    }

    private Optional<FigureShare> share(long caseId) {
        return jdbc.sql("select * from cases_figure_share where case_id = ? for update").param(caseId)
                .query((rs, n) -> FigureShare.read(rs)).optional();
    }

    private static final String ADD = "update cases_day_figures set " + String.join(", ",
            java.util.Arrays.stream(FigureShare.MEASURES).map(m -> m + " = " + m + " + ?").toList())
            + " where on_day = ? and department_id = ? and street_code = ? and channel = ?";

    private static final String ADD_TOTAL = "update cases_day_totals set " + String.join(", ",
            java.util.Arrays.stream(FigureShare.MEASURES).map(m -> m + " = " + m + " + ?").toList())
            + " where on_day = ? and channel = ?";

    private void addTotal(FigureShare.Key key, long[] delta) {
        Object[] params = new Object[FigureShare.MEASURES.length + 2];
        for (int i = 0; i < delta.length; i++) {
            params[i] = delta[i];
        }
        params[delta.length] = key.day();
        params[delta.length + 1] = key.channel();
        if (jdbc.sql(ADD_TOTAL).params(params).update() == 0) {
            jdbc.sql("insert into cases_day_totals (on_day, channel) values (?, ?) on conflict do nothing")
                    .params(key.day(), key.channel()).update();
            jdbc.sql(ADD_TOTAL).params(params).update();
        }
    }

    private void add(FigureShare.Key key, long[] delta) {
        Object[] params = new Object[FigureShare.MEASURES.length + 4];
        for (int i = 0; i < delta.length; i++) {
            params[i] = delta[i];
        }
        params[delta.length] = key.day();
        params[delta.length + 1] = key.departmentId();
        params[delta.length + 2] = key.streetCode();
        params[delta.length + 3] = key.channel();
        if (jdbc.sql(ADD).params(params).update() == 0) {
            jdbc.sql("insert into cases_day_figures (on_day, department_id, street_code, channel) values (?, ?, ?, ?) "
                    + "on conflict do nothing").params(key.day(), key.departmentId(), key.streetCode(), key.channel())
                    .update();
            jdbc.sql(ADD).params(params).update();
        }
    }
}
