package cn.civicloop.cameras.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cameras.CameraStatus;
import cn.civicloop.cameras.Cameras;
import cn.civicloop.cameras.NearbyCamera;
import cn.civicloop.cluster.ReferenceChanges;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.DomainException.FieldProblem;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Text;

/**
 * The camera registry: all-or-nothing imports (every row checked first; one bad row refuses the file, with every
 * problem and where it is), the history of every change, exports, the list and the nearest-camera search. The
 * search reads an in-memory grid of the whole registry, built on first use and dropped on every instance when any
 * instance changes the registry (a reference-change signal).
 */
@Service
public class CameraRegistry implements Cameras {

    static final String SIGNAL = "cameras";
    /** What an import without a reason wrote as its reason before: a word of the system, read as none given. */
    private static final String EARLIER_IMPORT_REASON = "导入";

    /** What an import did: cameras created, changed and left as they were. */
    public record Outcome(int created, int changed, int unchanged) {
    }

    private final CameraStore store;
    private final ReferenceChanges changes;
    private final AuditTrail audit;
    private final CamerasProperties settings;
    private final Clock clock;
    private volatile CameraGrid grid;

    CameraRegistry(CameraStore store, ReferenceChanges changes, AuditTrail audit, CamerasProperties settings,
            Clock clock) {
        this.store = store;
        this.changes = changes;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        changes.onChange(SIGNAL, () -> grid = null);
    }

    /**
     * Imports a CSV (UTF-8 or GBK) or GeoJSON file: new codes are created, known ones changed when they differ.
     *
     * @throws InvalidInputException naming each bad row ({@code line N} / {@code feature N}) and why; nothing is
     *                               written then
     */
    @Transactional
    public Outcome importFile(byte[] bytes, String by, String reason) {
        CameraFile file = CameraFile.read(bytes);
        if (!file.problems.isEmpty()) {
            List<FieldProblem> problems = file.problems.stream()
                    .map(p -> new FieldProblem(p.where(), p.reason())).toList();
            throw new InvalidInputException(Phrase.of("problem.cameras.import-refused",
                    "导入文件有 {0} 处错误，未导入任何内容", problems.size()), problems);
        }
        if (file.cameras.isEmpty()) {
            throw new InvalidInputException("file", Phrase.of("problem.cameras.import-empty", "文件中没有点位"));
        }
        Map<String, Camera> before = store.existing(file.cameras.stream().map(Camera::code).toList());
        Instant at = clock.instant();
        // no reason given: none stored (the page names an import without one in the reader's language)
        String why = Text.cleanOrNull(reason);
        List<Camera> created = new ArrayList<>();
        List<Camera> changed = new ArrayList<>();
        List<CameraStore.Change> history = new ArrayList<>();
        for (Camera c : file.cameras) {
            Camera old = before.get(c.code());
            if (old == null) {
                created.add(c);
                history.add(new CameraStore.Change(at, by, c.code(), "CREATED", null, line(c), why));
            } else if (!old.equals(c)) {
                changed.add(c);
                history.add(new CameraStore.Change(at, by, c.code(), "CHANGED", line(old), line(c), why));
            }
        }
        store.insert(created, at);
        store.update(changed, at);
        store.history(history);
        int unchanged = file.cameras.size() - created.size() - changed.size();
        audit.record("CAMERAS_IMPORTED", "cameras", "OK",
                created.size() + " created, " + changed.size() + " changed; " + why);
        grid = null;
        changes.announce(SIGNAL);
        return new Outcome(created.size(), changed.size(), unchanged);
    }

    /** Changes one camera's status (a camera out of order, back online), with the reason in its history. */
    @Transactional
    public Camera setStatus(String code, String statusName, String by, String reason) {
        CameraStatus status = CameraFile.status(statusName);
        Camera old = store.existing(List.of(code)).get(code);
        if (old == null) {
            throw new NotFoundException(Phrase.of("problem.cameras.not-found", "没有这个点位：{0}", code));
        }
        if (status == null) {
            throw new InvalidInputException("status", Phrase.of("problem.cameras.import-status",
                    "状态须为 ONLINE、OFFLINE、MAINTENANCE（在线、离线、维护）之一"));
        }
        Camera now = new Camera(old.code(), old.name(), old.lat(), old.lon(), old.owner(), status, old.kind());
        if (!now.equals(old)) {
            Instant at = clock.instant();
            store.update(List.of(now), at);
            store.history(List.of(new CameraStore.Change(at, by, code, "CHANGED", line(old), line(now),
                    Text.cleanOrNull(reason))));
            audit.record("CAMERA_STATUS", "camera:" + code, "OK", status.name());
            grid = null;
            changes.announce(SIGNAL);
        }
        return now;
    }

    /** A status by its name or its Chinese word (在线, 离线, 维护); null when neither. */
    public static CameraStatus status(String name) {
        return CameraFile.status(name);
    }

    @Override
    public List<NearbyCamera> nearest(double lat, double lon, double radiusMeters, int limit) {
        if (Double.isNaN(lat) || Double.isNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new InvalidInputException("lat", Phrase.of("problem.cameras.point", "位置须为 WGS84 纬度和经度"));
        }
        if (!(radiusMeters > 0) || radiusMeters > settings.maxRadius()) {
            throw new InvalidInputException("radius", Phrase.of("problem.cameras.radius", "半径须在 1 至 {0} 米之间",
                    settings.maxRadius()));
        }
        return grid().nearest(lat, lon, radiusMeters, Math.max(1, Math.min(limit, 1000)));
    }

    /** The grid of the whole registry, built when missing (at start, after a change here or elsewhere). */
    CameraGrid grid() {
        CameraGrid g = grid;
        if (g == null) {
            synchronized (this) {
                g = grid;
                if (g == null) {
                    List<Camera> all = new ArrayList<>();
                    store.each(all::add);
                    g = new CameraGrid(all, settings.cellDegrees());
                    grid = g;
                }
            }
        }
        return g;
    }

    public List<Camera> list(String text, CameraStatus status, String kind, String owner, int page) {
        int size = settings.listSize();
        return store.list(Text.cleanOrNull(text), status, Text.cleanOrNull(kind), Text.cleanOrNull(owner),
                Math.max(0, page) * size, size);
    }

    public long count() {
        return store.count();
    }

    public Map<CameraStatus, Long> countsByStatus() {
        return store.countsByStatus();
    }

    public List<String> kinds() {
        return store.kinds();
    }

    public List<String> owners() {
        return store.owners();
    }

    /** The latest changes; an earlier import without a reason held the word "导入", read as none given. */
    public List<CameraStore.Change> history(String code, int limit) {
        return store.changes(Text.cleanOrNull(code), limit).stream()
                .map(c -> EARLIER_IMPORT_REASON.equals(c.reason())
                        ? new CameraStore.Change(c.at(), c.actor(), c.code(), c.action(), c.before(), c.after(), null)
                        : c)
                .toList();
    }

    public void exportCsv(Writer out) {
        try {
            out.write(CameraFile.csvHeader());
            store.each(c -> {
                try {
                    out.write(CameraFile.csvLine(c));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String exportGeoJson() {
        List<Camera> all = new ArrayList<>();
        store.each(all::add);
        return CameraFile.geoJson(all);
    }

    private static String line(Camera c) {
        return CameraFile.csvLine(c).strip();
    }
}
