package cn.civicloop.board.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.geo.AreaLevel;
import cn.civicloop.geo.AreaRef;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.shared.DistrictTime;

/**
 * Builds a {@link BoardSnapshot} and reads the older pages of the case list. Every read is bounded: one page of cases
 * by index, the open cases grouped by area (open cases only: they end), the figures of a few months.
 */
@Service
public class BoardReader {

    private final BoardCases rows;
    private final DepartmentMonths months;
    private final PublishedItems items;
    private final Directory directory;
    private final Jurisdictions geo;
    private final BoardProperties settings;
    private final Clock clock;

    BoardReader(BoardCases rows, DepartmentMonths months, PublishedItems items, Directory directory,
            Jurisdictions geo, BoardProperties settings, Clock clock) {
        this.rows = rows;
        this.months = months;
        this.items = items;
        this.directory = directory;
        this.geo = geo;
        this.settings = settings;
        this.clock = clock;
    }

    BoardSnapshot build() {
        Instant now = clock.instant();
        Page first = page(null);
        return new BoardSnapshot(now, first.cases(), first.next(), areas(), departments(now), items.published());
    }

    /** A page of the case list after the cursor ({@code null}: the first page). */
    public Page page(String after) {
        Cursor cursor = Cursor.parse(after);
        int size = settings.pageSize();
        List<BoardCases.Row> found = rows.page(cursor == null ? null : cursor.openedAt(),
                cursor == null ? null : cursor.number(), size + 1);
        Map<String, String> names = areaNames();
        List<BoardSnapshot.PublicCase> cases = found.stream().limit(size).map(r -> view(r, names)).toList();
        String next = found.size() > size ? new Cursor(found.get(size - 1).openedAt(),
                found.get(size - 1).number()).toString() : null;
        return new Page(cases, next);
    }

    /** One page of the list and the cursor of the next. */
    public record Page(List<BoardSnapshot.PublicCase> cases, String next) {
    }

    private static BoardSnapshot.PublicCase view(BoardCases.Row r, Map<String, String> names) {
        return new BoardSnapshot.PublicCase(r.number(), r.salutation().name(), r.category(), r.title(),
                names.get(r.streetCode()), names.get(r.communityCode()), r.departmentName(), r.status(), r.open(),
                r.photosAgreed(), r.openedAt(), r.updatedAt(), r.closedAt(), r.open() ? null : r.reply());
    }

    private List<BoardSnapshot.AreaFigure> areas() {
        Map<String, String> names = areaNames();
        return rows.openByArea().stream()
                .map(a -> new BoardSnapshot.AreaFigure(a.streetCode(), names.get(a.streetCode()),
                        names.get(a.communityCode()), a.open()))
                .sorted(Comparator.comparing(BoardSnapshot.AreaFigure::open).reversed())
                .toList();
    }

    private List<BoardSnapshot.DepartmentFigure> departments(Instant now) {
        YearMonth month = YearMonth.from(now.atZone(DistrictTime.ZONE));
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < settings.months(); i++) {
            wanted.add(month.minusMonths(i).toString());
        }
        Map<Long, String> names = directory.departments().stream()
                .collect(Collectors.toMap(Department::id, Department::name, (a, b) -> a));
        return months.of(wanted).stream()
                .map(f -> new BoardSnapshot.DepartmentFigure(f.month(),
                        names.getOrDefault(f.departmentId(), "—"), f.received(), f.closed(), f.closedOnTime(),
                        percent(f.closedOnTime(), f.closed()), f.followUps(), f.satisfied(),
                        percent(f.satisfied(), f.followUps())))
                .toList();
    }

    private Map<String, String> areaNames() {
        List<AreaRef> all = new ArrayList<>(geo.areas(AreaLevel.STREET));
        all.addAll(geo.areas(AreaLevel.COMMUNITY));
        return all.stream().collect(Collectors.toMap(AreaRef::code, AreaRef::name, (a, b) -> a));
    }

    private static Integer percent(int part, int whole) {
        return whole == 0 ? null : Math.round(100f * part / whole);
    }

    /** The keyset cursor: the last case's opening time (ISO-8601, to the microsecond) and number. */
    record Cursor(Instant openedAt, String number) {

        static Cursor parse(String s) {
            if (s == null || !s.matches("[0-9T:.Z-]{10,40}~[A-Za-z0-9-]{1,40}")) {
                return null;
            }
            String[] parts = s.split("~");
            try {
                return new Cursor(Instant.parse(parts[0]), parts[1]);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return openedAt + "~" + number;
        }
    }

}
