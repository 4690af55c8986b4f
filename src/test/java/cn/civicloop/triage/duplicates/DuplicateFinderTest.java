package cn.civicloop.triage.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateFinderTest {

    private static final Instant MONDAY_EVENING = Instant.parse("2024-03-04T12:30:00Z");
    private static final double LAT = 30.2741;
    private static final double LON = 120.1551;
    private static final String GRID = "330102001001";
    private static final String COMMUNITY = "330102001";

    private static final AppealText HOTLINE = new AppealText("RX-1", "广济路路灯不亮",
            "市民来电反映：广济路中段路灯不亮好几天了，晚上出行不安全，请尽快维修。",
            LAT, LON, GRID, COMMUNITY, MONDAY_EVENING);
    private static final AppealText WECHAT = new AppealText("WX-7", "广济路路灯坏了",
            "广济路路灯晚上全黑，已经三天，请尽快维修",
            LAT + 0.0012, LON + 0.0005, GRID, COMMUNITY, MONDAY_EVENING.plus(Duration.ofHours(20)));
    private static final AppealText ONLINE = new AppealText("WZ-3", "广济路中段路灯不亮",
            "网民反映广济路中段路灯连续几天晚上不亮，希望有关部门尽快修复。",
            null, null, GRID, COMMUNITY, MONDAY_EVENING.plus(Duration.ofHours(30)));
    private static final AppealText MANHOLE = new AppealText("RX-2", "广济路中段井盖缺失",
            "市民来电反映：广济路中段人行道井盖缺失，行人容易踩空，请尽快处理。",
            LAT, LON, GRID, COMMUNITY, MONDAY_EVENING.plus(Duration.ofHours(2)));

    private final DuplicateFinder finder = new DuplicateFinder();

    @Test
    void theSameOutageReportedThroughThreeChannelsIsMatched() {
        assertThat(ids(finder.candidates(WECHAT, List.of(HOTLINE, MANHOLE)))).containsExactly("RX-1");
        assertThat(ids(finder.candidates(ONLINE, List.of(HOTLINE, WECHAT, MANHOLE)))).contains("RX-1")
                .doesNotContain("RX-2");
        assertThat(ids(finder.candidates(HOTLINE, List.of(WECHAT, ONLINE, MANHOLE))))
                .containsExactlyInAnyOrder("WX-7", "WZ-3");
    }

    @Test
    void aMatchCarriesItsEvidence() {
        DuplicateMatch match = finder.candidates(WECHAT, List.of(HOTLINE)).get(0);

        assertThat(match.textSimilarity()).isBetween(DuplicateFinder.DEFAULT_SIMILARITY, 1.0);
        assertThat(match.distanceMeters()).isBetween(100.0, 200.0);
        assertThat(match.reason()).contains("m apart").contains("20 h apart");
        assertThat(finder.candidates(ONLINE, List.of(HOTLINE)).get(0).distanceMeters()).isNull();
    }

    @Test
    void aDifferentProblemAtTheSamePlaceIsNotMatched() {
        assertThat(finder.candidates(MANHOLE, List.of(HOTLINE, WECHAT, ONLINE))).isEmpty();
    }

    @Test
    void theSameProblemFiveKilometresAwayIsNotMatched() {
        AppealText elsewhere = new AppealText("RX-9", HOTLINE.title(), HOTLINE.content(),
                LAT + 0.045, LON, "330105002003", "330105002", MONDAY_EVENING.plus(Duration.ofHours(1)));

        assertThat(finder.candidates(elsewhere, List.of(HOTLINE))).isEmpty();
    }

    @Test
    void theSameTextTenDaysLaterIsNotMatched() {
        AppealText recurrence = new AppealText("RX-10", HOTLINE.title(), HOTLINE.content(),
                LAT, LON, GRID, COMMUNITY, MONDAY_EVENING.plus(Duration.ofDays(10)));

        assertThat(finder.candidates(recurrence, List.of(HOTLINE))).isEmpty();
    }

    @Test
    void punctuationFullWidthAndWhitespaceDoNotHideACopy() {
        AppealText retyped = new AppealText("WX-8", "广济路 路灯不亮！！",
                "市民来电反映  广济路中段路灯不亮好几天了……晚上出行不安全 请尽快维修",
                LAT, LON, GRID, COMMUNITY, MONDAY_EVENING.plus(Duration.ofHours(3)));
        AppealText fullWidth = new AppealText("WX-9", "ＬＥＤ灯３号杆", "３号杆ＬＥＤ灯不亮",
                LAT, LON, GRID, COMMUNITY, MONDAY_EVENING);
        AppealText halfWidth = new AppealText("RX-3", "led灯3号杆", "3号杆 LED 灯，不亮。",
                LAT, LON, GRID, COMMUNITY, MONDAY_EVENING);

        assertThat(finder.candidates(retyped, List.of(HOTLINE)).get(0).textSimilarity()).isEqualTo(1.0);
        assertThat(finder.candidates(fullWidth, List.of(halfWidth)).get(0).textSimilarity()).isEqualTo(1.0);
    }

    @Test
    void anAppealIsNeverItsOwnDuplicate() {
        assertThat(finder.candidates(HOTLINE, List.of(HOTLINE))).isEmpty();
    }

    @Test
    void withoutAnyComparablePlaceTheTextMustBeCloser() {
        AppealText placeless = new AppealText("WX-20", WECHAT.title(), WECHAT.content(),
                null, null, null, null, WECHAT.reportedAt());
        AppealText placelessCopy = new AppealText("WX-21", HOTLINE.title(), HOTLINE.content(),
                null, null, " ", null, WECHAT.reportedAt());

        assertThat(finder.candidates(WECHAT, List.of(HOTLINE))).hasSize(1);
        assertThat(finder.candidates(placeless, List.of(HOTLINE))).isEmpty();
        assertThat(ids(finder.candidates(placelessCopy, List.of(HOTLINE)))).containsExactly("RX-1");
    }

    @Test
    void gridThenCommunityDecideWhenCoordinatesAreMissing() {
        AppealText otherGrid = new AppealText("WZ-4", ONLINE.title(), ONLINE.content(),
                null, null, "330102001002", COMMUNITY, ONLINE.reportedAt());
        AppealText communityOnly = new AppealText("WZ-5", ONLINE.title(), ONLINE.content(),
                null, null, null, COMMUNITY, ONLINE.reportedAt());

        assertThat(finder.candidates(otherGrid, List.of(HOTLINE))).isEmpty();
        assertThat(finder.candidates(communityOnly, List.of(HOTLINE)).get(0).reason()).contains("same community");
    }

    @Test
    void matchesComeBestFirstAndTheSameEveryTime() {
        AppealText copy = new AppealText("RX-4", HOTLINE.title(), HOTLINE.content(),
                LAT, LON, GRID, COMMUNITY, MONDAY_EVENING.plus(Duration.ofHours(5)));
        List<AppealText> recent = List.of(WECHAT, ONLINE, copy, MANHOLE);

        List<DuplicateMatch> first = finder.candidates(HOTLINE, recent);
        List<DuplicateMatch> again = new DuplicateFinder().candidates(HOTLINE, recent);
        DuplicateFinder presigned = new DuplicateFinder();
        List<DuplicateMatch> fromSignatures = presigned.candidates(presigned.signature(HOTLINE),
                recent.stream().map(presigned::signature).toList());

        assertThat(ids(first)).startsWith("RX-4").containsExactlyInAnyOrder("RX-4", "WX-7", "WZ-3");
        assertThat(first).extracting(DuplicateMatch::textSimilarity).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(again).isEqualTo(first);
        assertThat(fromSignatures).isEqualTo(first);
    }

    @Test
    void anEditedAppealIsComparedByItsNewText() {
        finder.candidates(WECHAT, List.of(HOTLINE));
        AppealText edited = new AppealText(HOTLINE.id(), MANHOLE.title(), MANHOLE.content(),
                LAT, LON, GRID, COMMUNITY, MONDAY_EVENING);

        assertThat(finder.candidates(WECHAT, List.of(edited))).isEmpty();
    }

    private static List<String> ids(List<DuplicateMatch> matches) {
        return matches.stream().map(DuplicateMatch::id).toList();
    }
}
