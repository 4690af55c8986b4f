package cn.civicloop.calendar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code calendar_day}: holidays and adjusted workdays, one row per date. */
@Repository
class CalendarDays {

    private static final String COLUMNS = "select calendar_date, kind, name from calendar_day ";

    private final JdbcClient jdbc;

    CalendarDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CalendarDay> ofYear(int year) {
        return jdbc.sql(COLUMNS + "where calendar_date >= ? and calendar_date < ? order by calendar_date")
                .param(LocalDate.of(year, 1, 1)).param(LocalDate.of(year + 1, 1, 1)).query(CalendarDays::row).list();
    }

    boolean hasYear(int year) {
        return jdbc.sql("select count(*) from calendar_day where calendar_date >= ? and calendar_date < ?")
                .param(LocalDate.of(year, 1, 1)).param(LocalDate.of(year + 1, 1, 1)).query(Long.class).single() > 0;
    }

    Optional<CalendarDay> find(LocalDate date) {
        return jdbc.sql(COLUMNS + "where calendar_date = ?").param(date).query(CalendarDays::row).optional();
    }

    /** Every declared day: a few dozen rows per year, small enough to keep in memory whole. */
    Map<LocalDate, DayKind> allKinds() {
        Map<LocalDate, DayKind> kinds = new HashMap<>();
        jdbc.sql("select calendar_date, kind from calendar_day").query(rs -> {
            kinds.put(rs.getObject("calendar_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")));
        });
        return kinds;
    }

    /** Inserts unless the date has a row already (another instance, or an admin, was first): true if inserted. */
    boolean insertIfAbsent(CalendarDay day) {
        return jdbc.sql("insert into calendar_day (calendar_date, kind, name) values (?, ?, ?) on conflict do nothing")
                .param(day.date()).param(day.kind().name()).param(day.name()).update() == 1;
    }

    /**
     * Creates or replaces the row of the date. Update first, then insert; if a concurrent writer inserted in
     * between, update its row (last writer wins, as with any admin edit). Portable: no {@code do update} in H2.
     */
    void save(CalendarDay day) {
        if (update(day) == 0 && !insertIfAbsent(day)) {
            update(day);
        }
    }

    boolean delete(LocalDate date) {
        return jdbc.sql("delete from calendar_day where calendar_date = ?").param(date).update() == 1;
    }

    private int update(CalendarDay day) {
        return jdbc.sql("update calendar_day set kind = ?, name = ? where calendar_date = ?")
                .param(day.kind().name()).param(day.name()).param(day.date()).update();
    }

    private static CalendarDay row(ResultSet rs, int rowNum) throws SQLException {
        return new CalendarDay(rs.getObject("calendar_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
                rs.getString("name"));
    }
}
