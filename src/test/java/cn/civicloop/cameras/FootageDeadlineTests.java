package cn.civicloop.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.civicloop.calendar.BusinessCalendar;
import cn.civicloop.calendar.TimeLimit;
import cn.civicloop.cameras.internal.CameraRegistry;
import cn.civicloop.cameras.internal.FootageRequest;
import cn.civicloop.cameras.internal.FootageRequests;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;

/**
 * A footage request's deadline is on the business calendar (a request made on a Friday evening is due after the
 * weekend), and the request is shown overdue once the clock passes it unanswered; answered late, it stays marked late.
 * On a database of this class's own, with a clock the test moves.
 */
class FootageDeadlineTests {

    private static final String[] DATABASE = Node.ownDatabase("cameras_footage");

    @Test
    void theDeadlineIsOnTheBusinessCalendarAndPassingItMakesTheRequestOverdue() {
        // Friday 2026-12-11 17:30 in the district
        Instant friday = ZonedDateTime.of(2026, 12, 11, 17, 30, 0, 0, DistrictTime.ZONE).toInstant();
        MutableClock clock = new MutableClock(friday);
        try (Node node = Node.start("cameras", clock, DATABASE)) {
            node.bean(CameraRegistry.class).importFile(("code,name,lat,lon,owner,status,kind\n"
                    + "D-1,期限测试球机,34.83,117.55,区视频监控中心,ONLINE,球机\n").getBytes(StandardCharsets.UTF_8),
                    "admin", "test");
            Directory directory = node.bean(Directory.class);
            Actor opinion = directory.staffActor("opinion").orElseThrow();
            Actor video = directory.staffActor("video").orElseThrow();
            FootageRequests requests = node.bean(FootageRequests.class);

            FootageRequest r = requests.request(new FootageRequests.NewRequest("TOPIC", "OT-DEADLINE", List.of("D-1"),
                    null, null, "核实聚集人数"), opinion);
            Instant due = node.bean(BusinessCalendar.class).deadline(friday, TimeLimit.workingHours(8));
            assertThat(r.dueAt()).isEqualTo(due);
            ZonedDateTime dueLocal = due.atZone(DistrictTime.ZONE);
            assertThat(dueLocal.toLocalDate()).as("after the weekend").isAfterOrEqualTo(java.time.LocalDate.of(2026, 12, 14));
            assertThat(r.from()).isEqualTo(friday.minus(Duration.ofHours(2)));
            assertThat(r.overdue()).isFalse();

            clock.set(due.minusSeconds(60));
            assertThat(requests.readable(r.id(), opinion).overdue()).isFalse();
            clock.set(due.plusSeconds(60));
            FootageRequest late = requests.readable(r.id(), opinion);
            assertThat(late.overdue()).isTrue();
            assertThat(requests.listFor(video, true)).extracting(FootageRequest::id).contains(r.id());

            FootageRequest answered = requests.answer(r.id(), new FootageRequests.Answer(false, null, null, null,
                    "该时段点位维护，无录像", null), video);
            assertThat(answered.status()).isEqualTo("NO_FOOTAGE");
            assertThat(answered.overdue()).isFalse();
            assertThat(answered.late()).isTrue();
            assertThat(requests.listFor(video, true)).extracting(FootageRequest::id).doesNotContain(r.id());
            assertThat(requests.history(r.id(), opinion)).extracting(e -> e.action())
                    .containsExactly("REQUESTED", "NO_FOOTAGE");
        }
    }
}
