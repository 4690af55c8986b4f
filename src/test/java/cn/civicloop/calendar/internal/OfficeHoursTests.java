package cn.civicloop.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfficeHoursTests {

    private final OfficeHours hours = OfficeHours.parse(OfficeHours.DEFAULT);

    @Test
    void theDefaultDayHasSevenAndAHalfHoursAndClosesAtHalfPastFive() {
        // 3.5 h in the morning, 4 h in the afternoon
        assertThat(hours.perDay()).isEqualTo(Duration.ofMinutes(450));
        assertThat(hours.close()).isEqualTo(LocalTime.of(17, 30));
        assertThat(hours).hasToString("08:30-12:00,13:30-17:30");
    }

    @Test
    void officeTimeBeforeATimeOfDay() {
        assertThat(before("08:00")).isZero();
        assertThat(before("08:30")).isZero();
        assertThat(before("10:00")).isEqualTo(Duration.ofMinutes(90));
        assertThat(before("12:45")).isEqualTo(Duration.ofMinutes(210));
        assertThat(before("13:30")).isEqualTo(Duration.ofMinutes(210));
        assertThat(before("14:00")).isEqualTo(Duration.ofMinutes(240));
        assertThat(before("23:59")).isEqualTo(Duration.ofMinutes(450));
    }

    @Test
    void theTimeOfDayAfterSomeOfficeTimeIsTheEarliest() {
        assertThat(after(Duration.ofMinutes(1))).isEqualTo(LocalTime.of(8, 31));
        assertThat(after(Duration.ofMinutes(210))).as("noon, not 13:30").isEqualTo(LocalTime.of(12, 0));
        assertThat(after(Duration.ofMinutes(211))).isEqualTo(LocalTime.of(13, 31));
        assertThat(after(Duration.ofHours(7))).isEqualTo(LocalTime.of(17, 0));
        assertThat(after(Duration.ofMinutes(450))).isEqualTo(LocalTime.of(17, 30));
        assertThatThrownBy(() -> after(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> after(Duration.ofMinutes(451))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherOfficeHoursAreParsed() {
        OfficeHours three = OfficeHours.parse(" 08:00-11:30 , 14:00-17:00,19:00-20:00 ");
        assertThat(three.perDay()).isEqualTo(Duration.ofMinutes(210 + 180 + 60));
        assertThat(three.close()).isEqualTo(LocalTime.of(20, 0));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = { "", " ", "08:30", "08:30-12:00-13:00", "12:00-08:30", "09:00-09:00",
            "13:30-17:30,08:30-12:00", "08:30-12:00,11:00-17:30" })
    void malformedOfficeHoursAreRefused(String spec) {
        assertThatThrownBy(() -> OfficeHours.parse(spec)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMalformedTimeIsRefused() {
        assertThatThrownBy(() -> OfficeHours.parse("8.30-12")).isInstanceOf(DateTimeParseException.class);
    }

    private Duration before(String time) {
        return Duration.ofNanos(hours.before(LocalTime.parse(time)));
    }

    private LocalTime after(Duration officeTime) {
        return hours.after(officeTime.toNanos());
    }
}
