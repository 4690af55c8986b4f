package cn.civicloop.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.calendar.BusinessCalendar;
import cn.civicloop.support.ApiTest;

/**
 * Loading the holiday file into the database of the running application: once per year, never over admin
 * edits, and safely when two instances start at the same moment. Test years 2033/2034 are removed afterwards.
 */
class HolidaySeederTests extends ApiTest {

    private static final String TEST_FILE = """
            # a release that ships 2033 and 2034, and a different 2026
            date,kind,name
            2026-03-02,HOLIDAY,不应覆盖已有年份
            2033-01-03,HOLIDAY,测试元旦
            2033-01-08,WORKDAY,测试调休
            2034-05-01,HOLIDAY,测试劳动节
            2034-05-02,HOLIDAY,测试劳动节
            """;

    @Autowired
    CalendarDays store;
    @Autowired
    CachedDayKinds cache;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    BusinessCalendar calendar;

    private HolidaySeeder seeder() {
        return new HolidaySeeder(store, cache, transactions,
                new ByteArrayResource(TEST_FILE.getBytes(StandardCharsets.UTF_8), "test holidays"));
    }

    @AfterEach
    void removeTestYears() {
        for (int year : List.of(2033, 2034)) {
            store.ofYear(year).forEach(d -> store.delete(d.date()));
        }
        cache.refresh();
    }

    @Test
    void theShippedYearsAreLoadedAtStartUpAndNotAgain() throws Exception {
        assertThat(store.ofYear(2026)).hasSize(39);
        assertThat(store.ofYear(2027)).hasSize(13);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();

        HolidaySeeder shipped = new HolidaySeeder(store, cache, transactions,
                new org.springframework.core.io.ClassPathResource("calendar/holidays-cn.csv"));
        assertThat(shipped.seed()).isEmpty();
        assertThat(store.ofYear(2026)).hasSize(39);
    }

    @Test
    void aNewYearIsAddedAndAYearWithRowsIsLeftAlone() throws Exception {
        assertThat(seeder().seed()).isEqualTo(Map.of(2033, 2, 2034, 2));
        assertThat(store.find(LocalDate.of(2026, 3, 2))).isEmpty();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2033, 1, 3))).as("cache refreshed").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2033, 1, 8))).isTrue();

        // an admin removes one day of 2034: the year still has rows, so a restart does not bring it back
        store.delete(LocalDate.of(2034, 5, 2));
        assertThat(seeder().seed()).isEmpty();
        assertThat(store.ofYear(2034)).extracting(CalendarDay::date).containsExactly(LocalDate.of(2034, 5, 1));
    }

    @Test
    void twoInstancesStartingAtOnceLoadEachRowOnce() throws Exception {
        int instances = 4;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Map<Integer, Integer>>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                HolidaySeeder seeder = seeder();
                runs.add(pool.submit(() -> {
                    go.await();
                    return seeder.seed();
                }));
            }
            go.countDown();
            int inserted = 0;
            for (Future<Map<Integer, Integer>> run : runs) {
                inserted += run.get(30, TimeUnit.SECONDS).values().stream().mapToInt(Integer::intValue).sum();
            }
            assertThat(inserted).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.ofYear(2033)).hasSize(2);
        assertThat(store.ofYear(2034)).hasSize(2);
    }
}
