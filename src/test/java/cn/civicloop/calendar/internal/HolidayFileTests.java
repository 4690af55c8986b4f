package cn.civicloop.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV format, and the shipped data checked against the State Council notice for 2026. */
class HolidayFileTests {

    private static List<CalendarDay> parse(String text) throws IOException {
        return HolidayFile.parse(new StringReader(text), "test.csv");
    }

    @Test
    void readsRowsAndSkipsCommentsAndBlankLines() throws IOException {
        List<CalendarDay> days = parse("\uFEFF# a comment\n\ndate,kind,name\n# another\n"
                + "2031-01-01,HOLIDAY,元旦\n 2031-01-04 , WORKDAY , 调休, 上班 \n");
        assertThat(days).containsExactly(new CalendarDay(LocalDate.of(2031, 1, 1), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2031, 1, 4), DayKind.WORKDAY, "调休, 上班"));
    }

    @ParameterizedTest(name = "refused: {0}")
    @ValueSource(strings = {
            "", // no header
            "day,type,label\n2031-01-01,HOLIDAY,元旦\n", // wrong header
            "date,kind,name\n2031-01-01,HOLIDAY\n", // missing name
            "date,kind,name\n2031-01-01,HOLIDAY, \n", // blank name
            "date,kind,name\n2031-02-30,HOLIDAY,x\n", // no such date
            "date,kind,name\n2031-01-01,PARTY,x\n", // unknown kind
            "date,kind,name\n2031-01-02,WORKDAY,x\n", // a Thursday cannot become a workday
            "date,kind,name\n2031-01-01,HOLIDAY,x\n2031-01-01,HOLIDAY,y\n" }) // twice
    void badFilesStopTheLoadWithTheLine(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(IllegalStateException.class).hasMessageContaining("test.csv");
    }

    @Test
    void theShippedFileHasTheOfficial2026Arrangement() {
        Map<LocalDate, DayKind> kinds = ShippedCalendar.shippedKinds();
        List<LocalDate> workdays2026 = kinds.entrySet().stream()
                .filter(e -> e.getKey().getYear() == 2026 && e.getValue() == DayKind.WORKDAY).map(Map.Entry::getKey)
                .sorted().toList();
        assertThat(workdays2026).containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20),
                LocalDate.of(2026, 10, 10));
        long holidays2026 = kinds.entrySet().stream()
                .filter(e -> e.getKey().getYear() == 2026 && e.getValue() == DayKind.HOLIDAY).count();
        assertThat(holidays2026).as("3 + 9 + 3 + 5 + 3 + 3 + 7").isEqualTo(33);
        // 261 weekdays, 19 of them holidays, 6 weekend workdays
        assertThat(workingDays(2026)).isEqualTo(248);
    }

    @Test
    void theShippedFileHasOnlyStatutoryHolidaysFor2027() {
        Map<LocalDate, DayKind> kinds = ShippedCalendar.shippedKinds();
        assertThat(kinds.entrySet().stream().filter(e -> e.getKey().getYear() == 2027))
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(DayKind.HOLIDAY)).hasSize(13);
        assertThat(kinds).containsEntry(LocalDate.of(2027, 2, 5), DayKind.HOLIDAY)
                .containsEntry(LocalDate.of(2027, 2, 8), DayKind.HOLIDAY)
                .doesNotContainKey(LocalDate.of(2027, 2, 9));
        assertThat(kinds.keySet()).allSatisfy(d -> assertThat(d.getYear()).isBetween(2026, 2027));
    }

    private static int workingDays(int year) {
        WorkingTime calendar = ShippedCalendar.calendar();
        int n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            n += calendar.isWorkingDay(d) ? 1 : 0;
        }
        return n;
    }
}
