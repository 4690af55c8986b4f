package cn.civicloop.roads.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.geo.GeoPoint;
import cn.civicloop.roads.Snap;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;

/**
 * Patrols (巡查): a chief starts one from his phone, posts his track in batches and stops it. Each track point is
 * snapped to its segment when it is within the snap tolerance, with its position along the segment, so coverage
 * is a query: a segment is patrolled in a period when its snapped points span at least the configured share of
 * its length (share 0: one point on it is enough).
 */
@Service
public class Patrols {

    static final int MAX_BATCH = 500;

    private final JdbcClient jdbc;
    private final SegmentIndex network;
    private final RoadData data;
    private final RoadsProperties properties;
    private final Clock clock;

    Patrols(JdbcClient jdbc, SegmentIndex network, RoadData data, RoadsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.network = network;
        this.data = data;
        this.properties = properties;
        this.clock = clock;
    }

    public record Patrol(long id, long chiefId, Instant startedAt, Instant endedAt, int points, List<String> segments) {
    }

    public record TrackPoint(Double lat, Double lon, Instant recordedAt) {
    }

    public record TrackAnswer(int accepted, int onRoad, List<String> segments) {
    }

    public record SegmentCoverage(String code, String name, String areaName, long lengthMetres, double share,
            boolean covered) {
    }

    public record Coverage(Instant from, Instant to, double requiredShare, int segments, int covered,
            double coveredPercent, List<SegmentCoverage> items) {
    }

    /** Starts a patrol, or returns the one the chief has not stopped yet. */
    @Transactional
    public Patrol start(Chief chief) {
        Optional<Patrol> open = current(chief);
        if (open.isPresent()) {
            return open.get();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into roads_patrol (chief_id, started_at) values (?, ?)")
                .params(chief.id(), Sql.ts(clock.instant())).update(keys, "id");
        return patrol(keys.getKey().longValue());
    }

    @Transactional
    public Patrol stop(Chief chief, long patrolId) {
        Patrol p = own(chief, patrolId);
        if (p.endedAt() == null) {
            jdbc.sql("update roads_patrol set ended_at = ? where id = ?").params(Sql.ts(clock.instant()), patrolId)
                    .update();
        }
        return patrol(patrolId);
    }

    public Optional<Patrol> current(Chief chief) {
        return jdbc.sql("select id from roads_patrol where chief_id = ? and ended_at is null order by id desc")
                .param(chief.id()).query(Long.class).list().stream().findFirst().map(this::patrol);
    }

    @Transactional
    public TrackAnswer track(Chief chief, long patrolId, List<TrackPoint> points) {
        Patrol p = own(chief, patrolId);
        if (p.endedAt() != null) {
            throw new ConflictException(Phrase.of("problem.roads.patrol-ended", "巡查已结束"));
        }
        if (points == null || points.isEmpty() || points.size() > MAX_BATCH) {
            throw new InvalidInputException("points", Phrase.of("problem.roads.track-batch", "每批 1–{0} 个轨迹点", MAX_BATCH));
        }
        Instant now = clock.instant();
        int onRoad = 0;
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            TrackPoint t = points.get(i);
            GeoPoint g;
            try {
                g = new GeoPoint(Objects.requireNonNull(t.lat()), Objects.requireNonNull(t.lon()));
            } catch (RuntimeException e) {
                throw new InvalidInputException("points[" + i + "]", Phrase.of("problem.roads.invalid-coordinates", "坐标无效"));
            }
            Instant at = t.recordedAt() == null ? now : t.recordedAt();
            if (at.isAfter(now.plus(Duration.ofMinutes(5))) || at.isBefore(p.startedAt().minus(Duration.ofMinutes(5)))) {
                throw new InvalidInputException("points[" + i + "].recordedAt",
                        Phrase.of("problem.roads.point-outside-patrol", "时间不在巡查期间"));
            }
            Optional<Snap> snap = network.snap(g);
            if (snap.isPresent()) {
                onRoad++;
                if (!segments.contains(snap.get().segmentCode())) {
                    segments.add(snap.get().segmentCode());
                }
            }
            jdbc.sql("insert into roads_track_point (patrol_id, recorded_at, lat, lon, segment_id, along_m) values (?, ?, ?, ?, ?, ?)")
                    .params(patrolId, Sql.ts(at), g.lat(), g.lon(), snap.map(Snap::segmentId).orElse(null),
                            snap.map(Snap::alongMetres).orElse(null)).update();
        }
        return new TrackAnswer(points.size(), onRoad, segments);
    }

    /** Coverage of the segments (of one area, or all) by the tracks recorded from {@code from} up to, not including, {@code to}. */
    public Coverage coverage(Instant from, Instant to, Long areaId) {
        Map<Long, double[]> spans = new LinkedHashMap<>();
        jdbc.sql("""
                select segment_id, min(along_m), max(along_m) from roads_track_point
                where segment_id is not null and recorded_at >= ? and recorded_at < ? group by segment_id""")
                .params(Sql.ts(from), Sql.ts(to))
                .query(rs -> {
                    spans.put(rs.getLong(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
                });
        double required = properties.coverageShare();
        List<SegmentCoverage> items = new ArrayList<>();
        int covered = 0;
        for (Segment s : data.segments()) {
            if (areaId != null && s.areaId() != areaId) {
                continue;
            }
            double[] span = spans.get(s.id());
            double share = span == null || s.lengthMetres() <= 0 ? 0 : Math.min(1, (span[1] - span[0]) / s.lengthMetres());
            boolean isCovered = span != null && share >= required;
            if (isCovered) {
                covered++;
            }
            items.add(new SegmentCoverage(s.code(), s.section() == null ? s.name() : s.section(), s.areaName(),
                    Math.round(s.lengthMetres()), Math.round(share * 1000) / 1000.0, isCovered));
        }
        double percent = items.isEmpty() ? 0 : Math.round(1000.0 * covered / items.size()) / 10.0;
        return new Coverage(from, to, required, items.size(), covered, percent, items);
    }

    /** The chief whose patrol this is, if there is such a patrol. */
    public Optional<Long> chiefOf(long patrolId) {
        return jdbc.sql("select chief_id from roads_patrol where id = ?").param(patrolId).query(Long.class).optional();
    }

    private Patrol own(Chief chief, long patrolId) {
        Patrol p = patrol(patrolId);
        if (p.chiefId() != chief.id()) {
            throw new ForbiddenException(Phrase.of("problem.roads.not-your-patrol", "不是您的巡查"));
        }
        return p;
    }

    public Patrol patrol(long id) {
        return jdbc.sql("select id, chief_id, started_at, ended_at from roads_patrol where id = ?").param(id)
                .query((rs, n) -> {
                    long pid = rs.getLong(1);
                    int count = jdbc.sql("select count(*) from roads_track_point where patrol_id = ?").param(pid)
                            .query(Integer.class).single();
                    List<String> segs = jdbc.sql("""
                            select distinct s.code from roads_track_point t join roads_segment s on s.id = t.segment_id
                            where t.patrol_id = ? order by s.code""").param(pid).query(String.class).list();
                    return new Patrol(pid, rs.getLong(2), rs.getTimestamp(3).toInstant(), Sql.instant(rs, "ended_at"),
                            count, segs);
                }).optional().orElseThrow(() -> new NotFoundException(
                        Phrase.of("problem.roads.no-such-patrol", "没有这次巡查：{0}", id)));
    }
}
