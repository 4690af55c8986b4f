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

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseOpened;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.PublicCaseView;
import cn.civicloop.cases.ResidentContact;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.cases.Urgency;
import cn.civicloop.directory.Actor;

/**
 * The key table names the candidates, memory holds their signatures: a case is read in full only the first time
 * this instance meets it (opened on another instance, or before a restart), a case far away is not even named, a
 * case that has ended (closed, merged) or left the window is never suggested even though its signature is still in
 * memory, and the cases opened before the keys began are still found, through the cases module.
 */
class DuplicateSearchTests {

    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    /** The cases table as far as the duplicate search sees it: open cases by number, and which were read. */
    private static final class Cases implements CaseQueries {
        final Map<String, AppealSnapshot> open = new LinkedHashMap<>();
        final Map<String, AppealSnapshot> all = new LinkedHashMap<>();
        final List<String> readInFull = new ArrayList<>();

        @Override
        public List<String> openNumbersSinceNear(Instant since, Instant before, AppealSnapshot near, double radius,
                int limit) {
            return open.values().stream().filter(s -> !s.createdAt().isBefore(since) && s.createdAt().isBefore(before))
                    .map(AppealSnapshot::number).toList();
        }

        @Override
        public List<String> openAmong(Collection<String> numbers) {
            return numbers.stream().filter(open::containsKey).toList();
        }

        @Override
        public List<AppealSnapshot> snapshots(Collection<String> numbers) {
            readInFull.addAll(numbers);
            return numbers.stream().map(all::get).filter(java.util.Objects::nonNull).toList();
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
            return Optional.ofNullable(all.get(number));
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

    /** The key table of every instance. */
    private static final class Keys implements CandidateStore {
        record Row(long key, String number, Instant createdAt) {
        }

        final List<Row> rows = new ArrayList<>();
        Instant began;

        @Override
        public void add(String number, Instant createdAt, long[] keys) {
            for (long key : keys) {
                rows.add(new Row(key, number, createdAt));
            }
        }

        @Override
        public List<String> numbers(long[] keys, Instant since, int limit) {
            java.util.Set<Long> asked = java.util.Arrays.stream(keys).boxed().collect(java.util.stream.Collectors.toSet());
            return rows.stream().filter(r -> asked.contains(r.key()) && !r.createdAt().isBefore(since))
                    .map(Row::number).distinct().limit(limit).toList();
        }

        @Override
        public Optional<Instant> storedSince() {
            return Optional.ofNullable(began);
        }

        @Override
        public int removeBefore(Instant before) {
            int size = rows.size();
            rows.removeIf(r -> r.createdAt().isBefore(before));
            return size - rows.size();
        }
    }

    private static final TriageProperties SETTINGS = new TriageProperties(true, 0.93, 0, null, null, null,
            new TriageProperties.Duplicates(0.2, 500, Duration.ofHours(72), 100));

    private final Cases cases = new Cases();
    private final Keys keys = new Keys();
    private final CandidateKeyWriter intake = new CandidateKeyWriter(cases, keys);
    private final DuplicateSearch search = new DuplicateSearch(cases, keys, SETTINGS);

    private AppealSnapshot open(String number, Channel channel, String title, String content, Duration ago) {
        return open(number, channel, title, content, ago, 34.8597, 117.5546);
    }

    /** As the intake does: the case and, in the same transaction, its keys. */
    private AppealSnapshot open(String number, Channel channel, String title, String content, Duration ago,
            Double lat, Double lon) {
        AppealSnapshot s = unkeyed(number, channel, title, content, ago, lat, lon);
        intake.on(new CaseOpened(number, channel, AppealKind.HELP, Urgency.NORMAL, s.streetCode(), null,
                s.createdAt()));
        return s;
    }

    /** A case opened before the keys began. */
    private AppealSnapshot unkeyed(String number, Channel channel, String title, String content, Duration ago,
            Double lat, Double lon) {
        AppealSnapshot s = new AppealSnapshot(number, CaseStatus.SUBMITTED, channel, title, content, lat, lon,
                "370402001", "370402001001", "37040200100103", null, null, NOW.minus(ago));
        cases.open.put(number, s);
        cases.all.put(number, s);
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

    @Test
    void aCaseOpenedOnAnotherInstanceOrBeforeARestartIsFoundThroughTheSharedKeys() {
        open("A", Channel.HOTLINE_12345, "广济路中段路灯不亮好几天了", "广济路中段路灯不亮，晚上一片漆黑", Duration.ofHours(5));
        AppealSnapshot second = open("B", Channel.WECHAT, "广济路路灯晚上全黑", "广济路中段的路灯晚上全黑，已经三天不亮了",
                Duration.ofHours(1));
        DuplicateSearch restarted = new DuplicateSearch(cases, keys, SETTINGS);

        assertThat(restarted.findFor(second)).extracting(TriageRecords.Duplicate::duplicateOf).containsExactly("A");
        assertThat(cases.readInFull).containsExactly("A");
    }

    @Test
    void aCaseFarAwayIsNeitherNamedNorRead() {
        open("FAR", Channel.HOTLINE_12345, "广济路中段路灯不亮好几天了", "广济路中段路灯不亮，晚上一片漆黑", Duration.ofHours(5),
                34.8597 + 0.02, 117.5546);
        AppealSnapshot here = open("HERE", Channel.WECHAT, "广济路路灯晚上全黑", "广济路中段的路灯晚上全黑，已经三天不亮了",
                Duration.ofHours(1));

        assertThat(search.findFor(here)).isEmpty();
        assertThat(cases.readInFull).as("2 km away: not a candidate at all").isEmpty();
    }

    @Test
    void aMergedCaseIsNotSuggestedThoughTheKeysStillNameIt() {
        open("A", Channel.HOTLINE_12345, "广济路中段路灯不亮好几天了", "广济路中段路灯不亮，晚上一片漆黑", Duration.ofHours(5));
        open("M", Channel.WEBSITE, "广济路中段路灯不亮", "广济路中段路灯不亮，晚上一片漆黑，好几天了", Duration.ofHours(4));
        cases.open.remove("M"); // merged into A: voided
        AppealSnapshot third = open("C", Channel.WECHAT, "广济路路灯晚上全黑", "广济路中段的路灯晚上全黑，已经三天不亮了",
                Duration.ofHours(1));

        assertThat(search.findFor(third)).extracting(TriageRecords.Duplicate::duplicateOf).containsExactly("A");
    }

    @Test
    void casesOpenedBeforeTheKeysBeganAreFoundUntilTheyLeaveTheWindow() {
        keys.began = NOW.minus(Duration.ofHours(2));
        unkeyed("OLD", Channel.HOTLINE_12345, "广济路中段路灯不亮好几天了", "广济路中段路灯不亮，晚上一片漆黑", Duration.ofHours(5),
                34.8597, 117.5546);
        AppealSnapshot second = open("B", Channel.WECHAT, "广济路路灯晚上全黑", "广济路中段的路灯晚上全黑，已经三天不亮了",
                Duration.ofHours(1));
        assertThat(search.findFor(second)).extracting(TriageRecords.Duplicate::duplicateOf).containsExactly("OLD");

        keys.began = NOW.minus(Duration.ofHours(200)); // the window no longer reaches back before the keys
        assertThat(new DuplicateSearch(cases, keys, SETTINGS).findFor(second)).isEmpty();
    }

    @Test
    void aSmallMemoryForgetsTheEarliestSignedAndGivesTheSameAnswers() {
        DuplicateSearch small = new DuplicateSearch(cases, keys, new TriageProperties(true, 0.93, 0, null, null, null,
                new TriageProperties.Duplicates(0.2, 500, Duration.ofHours(72), 2)));
        open("A", Channel.HOTLINE_12345, "广济路中段路灯不亮好几天了", "广济路中段路灯不亮，晚上一片漆黑", Duration.ofHours(5));
        AppealSnapshot second = open("B", Channel.WECHAT, "广济路路灯晚上全黑", "广济路中段的路灯晚上全黑，已经三天不亮了",
                Duration.ofHours(3));
        AppealSnapshot third = open("C", Channel.WEBSITE, "广济路路灯不亮", "广济路中段路灯坏了，晚上不亮", Duration.ofHours(1));
        assertThat(small.findFor(second)).extracting(TriageRecords.Duplicate::duplicateOf)
                .containsExactlyInAnyOrder("A", "C");
        assertThat(cases.readInFull).as("A and C signed as candidates, then B itself").containsExactly("A", "C");

        // signed in the order A, C, B and two kept: A is read and signed again, to the same signature
        assertThat(small.findFor(third)).extracting(TriageRecords.Duplicate::duplicateOf)
                .containsExactlyElementsOf(search.findFor(third).stream().map(TriageRecords.Duplicate::duplicateOf)
                        .toList());
        assertThat(cases.readInFull).containsExactly("A", "C", "A", "A", "B");
    }
}
