package cn.civicloop.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.PublicCaseView;
import cn.civicloop.cases.ResidentContact;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.directory.Actor;

/**
 * The database names the candidates, memory holds their signatures: a case is read in full only the first time
 * this instance meets it (opened on another instance, or before a restart), and a case the database no longer
 * names (ended, out of the window) is never suggested even though its signature is still in memory.
 */
class DuplicateSearchTests {

    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    /** The cases table as far as the duplicate search sees it: open cases by number, and which were read. */
    private static final class Cases implements CaseQueries {
        final Map<String, AppealSnapshot> open = new LinkedHashMap<>();
        final List<String> readInFull = new ArrayList<>();

        @Override
        public List<String> openNumbersSinceNear(Instant since, AppealSnapshot near, double radius, int limit) {
            return open.values().stream().filter(s -> !s.createdAt().isBefore(since)).map(AppealSnapshot::number)
                    .toList();
        }

        @Override
        public List<AppealSnapshot> snapshots(Collection<String> numbers) {
            readInFull.addAll(numbers);
            return numbers.stream().map(open::get).toList();
        }

        @Override
        public CaseView view(String number, Actor reader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TimelineEntry> timeline(String number, Actor reader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CasePage list(CaseFilter filter, Actor reader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PublicCaseView publicView(String number, String token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Photo photo(String number, long attachmentId, Actor reader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Photo publicPhoto(String number, String token, long attachmentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AppealSnapshot> snapshot(String number) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ResidentContact> residentContact(String number) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ResidentContact> residentContacts(String number) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> mergedInto(String number) {
            throw new UnsupportedOperationException();
        }
    }

    private final Cases cases = new Cases();
    private final DuplicateSearch search = new DuplicateSearch(cases, new TriageProperties(true, 0.93, 0,
            null, null, null, new TriageProperties.Duplicates(0.2, 500, Duration.ofHours(72), 100)));

    private AppealSnapshot open(String number, Channel channel, String title, String content, Duration ago) {
        AppealSnapshot s = new AppealSnapshot(number, CaseStatus.SUBMITTED, channel, title, content, 34.8597,
                117.5546, "370402001", "370402001001", "37040200100103", null, NOW.minus(ago));
        cases.open.put(number, s);
        return s;
    }

    @Test
    void aCaseIsReadInFullOnceThenComparedFromMemory() {
        open("A", Channel.HOTLINE_12345, "广济路中段路灯不亮好几天了", "广济路中段路灯不亮，晚上一片漆黑", Duration.ofHours(5));
        AppealSnapshot second = open("B", Channel.WECHAT, "广济路路灯晚上全黑", "广济路中段的路灯晚上全黑，已经三天不亮了",
                Duration.ofHours(1));
        assertThat(search.findFor(second)).extracting(TriageRecords.Duplicate::duplicateOf).containsExactly("A");
        assertThat(cases.readInFull).containsExactly("A");

        AppealSnapshot third = open("C", Channel.WEBSITE, "广济路路灯不亮", "广济路中段路灯坏了，晚上不亮", Duration.ZERO);
        assertThat(search.findFor(third)).extracting(TriageRecords.Duplicate::duplicateOf)
                .containsExactlyInAnyOrder("A", "B");
        assertThat(cases.readInFull).as("A and B were signed before; C is the appeal itself").containsExactly("A");
    }

    @Test
    void aCaseTheDatabaseNoLongerNamesIsNotSuggestedThoughItsSignatureIsKept() {
        open("A", Channel.HOTLINE_12345, "广济路中段路灯不亮好几天了", "广济路中段路灯不亮，晚上一片漆黑", Duration.ofHours(5));
        AppealSnapshot second = open("B", Channel.WECHAT, "广济路路灯晚上全黑", "广济路中段的路灯晚上全黑，已经三天不亮了",
                Duration.ofHours(1));
        assertThat(search.findFor(second)).hasSize(1);
        cases.open.remove("A"); // closed meanwhile
        assertThat(search.findFor(second)).isEmpty();
    }

    @Test
    void anUnrelatedAppealAtTheSamePlaceIsNoDuplicate() {
        open("A", Channel.HOTLINE_12345, "广济路中段路灯不亮好几天了", "广济路中段路灯不亮，晚上一片漆黑", Duration.ofHours(5));
        AppealSnapshot other = open("B", Channel.WECHAT, "小区噪音扰民", "楼下饭店油烟大，半夜还在营业吵得睡不着",
                Duration.ofHours(1));
        assertThat(search.findFor(other)).isEmpty();
    }
}
