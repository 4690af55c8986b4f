package cn.civicloop.calendar.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the shipped holiday file into {@code calendar_day}, year by year, for each year of the file that has no
 * row in the table yet. So admins' edits of a year survive restarts, and a release that ships a new year adds it.
 * <p>
 * Safe when several instances start at once: each year is one transaction and every insert is
 * {@code on conflict do nothing}, so the loser of a race inserts nothing and fails on nothing. Runs before the
 * demo cases (order 10) so that their deadlines already know the holidays.
 */
@Component
@Order(-1)
class HolidaySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HolidaySeeder.class);

    private final CalendarDays store;
    private final CachedDayKinds cache;
    private final TransactionTemplate transactions;
    private final Resource holidaysFile;

    @Autowired
    HolidaySeeder(CalendarDays store, CachedDayKinds cache, TransactionTemplate transactions,
            CalendarProperties settings) {
        this(store, cache, transactions, settings.holidaysFile());
    }

    HolidaySeeder(CalendarDays store, CachedDayKinds cache, TransactionTemplate transactions, Resource holidaysFile) {
        this.store = store;
        this.cache = cache;
        this.transactions = transactions;
        this.holidaysFile = holidaysFile;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        seed();
    }

    /** Loads the missing years and returns them with the number of rows this instance inserted. */
    Map<Integer, Integer> seed() throws IOException {
        Map<Integer, List<CalendarDay>> byYear = HolidayFile.read(holidaysFile).stream()
                .collect(Collectors.groupingBy(d -> d.date().getYear(), TreeMap::new, Collectors.toList()));
        Map<Integer, Integer> loaded = new TreeMap<>();
        byYear.forEach((year, days) -> {
            Integer inserted = transactions.execute(tx -> store.hasYear(year) ? null : insert(days));
            if (inserted != null && inserted > 0) {
                loaded.put(year, inserted);
            }
        });
        if (!loaded.isEmpty()) {
            log.info("Calendar: loaded years {} (rows inserted) from {}", loaded, holidaysFile);
        }
        cache.refresh();
        return loaded;
    }

    private int insert(List<CalendarDay> days) {
        int inserted = 0;
        for (CalendarDay day : days) {
            inserted += store.insertIfAbsent(day) ? 1 : 0;
        }
        return inserted;
    }
}
