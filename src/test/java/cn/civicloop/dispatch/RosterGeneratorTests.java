package cn.civicloop.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.civicloop.dispatch.internal.RosterGenerator;
import cn.civicloop.dispatch.internal.Shift;

/** 四班三运转: every day three 8-hour shifts by three crews, the fourth resting; the pattern repeats every 4 days. */
class RosterGeneratorTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final RosterGenerator roster = new RosterGenerator(LocalDate.of(2026, 1, 1), ZONE);

    @Test
    void everyDayHasThreeShiftsCoveringTwentyFourHoursAndExactlyOneCrewResting() {
        LocalDate from = LocalDate.of(2026, 11, 1);
        for (int d = 0; d < 60; d++) {
            LocalDate date = from.plusDays(d);
            List<RosterGenerator.Duty> day = roster.duties(date, date);
            assertThat(day).extracting(RosterGenerator.Duty::shift).containsExactly(Shift.values());
            assertThat(day.get(0).starts()).isEqualTo(date.atStartOfDay(ZONE));
            for (int k = 0; k < 3; k++) {
                assertThat(Duration.between(day.get(k).starts(), day.get(k).ends())).isEqualTo(Duration.ofHours(8));
                assertThat(day.get(k).ends()).isEqualTo(k < 2 ? day.get(k + 1).starts() : date.plusDays(1).atStartOfDay(ZONE));
            }
            Set<String> working = new HashSet<>();
            day.forEach(x -> working.add(x.crew()));
            assertThat(working).hasSize(3).doesNotContain(roster.restingCrew(date));
            Set<String> all = new HashSet<>(working);
            all.add(roster.restingCrew(date));
            assertThat(all).containsExactlyInAnyOrderElementsOf(RosterGenerator.CREWS);
        }
    }

    @Test
    void eachCrewRotatesNightDayEveningRestOverFourDays() {
        LocalDate start = LocalDate.of(2026, 11, 24);
        for (String crew : RosterGenerator.CREWS) {
            StringBuilder pattern = new StringBuilder();
            for (int d = 0; d < 8; d++) {
                LocalDate date = start.plusDays(d);
                String slot = roster.duties(date, date).stream().filter(x -> x.crew().equals(crew))
                        .map(x -> x.shift().name().substring(0, 1)).findFirst().orElse("R");
                pattern.append(slot);
            }
            // the same 4-day cycle twice, each crew at its own phase of N → D → E → R
            assertThat(pattern.substring(0, 4)).isEqualTo(pattern.substring(4));
            assertThat("NDERNDER").contains(pattern.substring(0, 4));
        }
        // on the epoch day crew A works the night, D rests
        LocalDate epoch = LocalDate.of(2026, 1, 1);
        assertThat(roster.crewInSlot(epoch, 0)).isEqualTo("A");
        assertThat(roster.restingCrew(epoch)).isEqualTo("D");
    }
}
