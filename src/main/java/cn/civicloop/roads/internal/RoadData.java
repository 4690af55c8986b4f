package cn.civicloop.roads.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.shared.PersonalDataCipher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Areas, squads, chiefs and segments in the database. */
@Repository
public class RoadData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SEGMENT = """
            select s.id, s.code, s.name, s.section, s.area_id, a.code as area_code, a.name as area_name, s.squad_id,
                   q.code as squad_code, s.coordinates, s.length_m
            from roads_segment s join roads_area a on a.id = s.area_id left join roads_squad q on q.id = s.squad_id
            """;

    private static final String CHIEF = """
            select c.id, c.code, c.name, c.chief_level, c.squad_id, q.name as squad_name,
                   coalesce(c.area_id, q.area_id) as area_id, a.name as area_name, c.phone, c.username
            from roads_chief c left join roads_squad q on q.id = c.squad_id
                 left join roads_area a on a.id = coalesce(c.area_id, q.area_id)
            """;

    private final JdbcClient jdbc;
    /** A chief's phone is a staff phone: stored sealed (商用密码). */
    private final PersonalDataCipher cipher;

    RoadData(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public boolean empty() {
        return jdbc.sql("select count(*) from roads_area").query(Long.class).single() == 0;
    }

    /**
     * A fingerprint of the segments as stored: changes when an import (on any instance) adds, removes, moves or
     * renames segments. Cheap: a district has tens to hundreds of segments.
     */
    public String segmentsVersion() {
        return jdbc.sql("select count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(length_m), 0) || ':'"
                + " || coalesce(sum(length(coordinates) + length(name)), 0) from roads_segment").query(String.class)
                .single();
    }

    public List<Segment> segments() {
        return jdbc.sql(SEGMENT + " order by s.code").query(RoadData::segment).list();
    }

    /**
     * The segments a chief answers for himself: an inspector those assigned to him, a second-level chief his squad's,
     * a first-level chief those of the areas he leads.
     */
    public List<Segment> segmentsOf(Chief chief) {
        return switch (chief.level()) {
            case 1 -> jdbc.sql(SEGMENT + " where a.leader_code = ? order by s.code").param(chief.code())
                    .query(RoadData::segment).list();
            case 2 -> chief.squadId() == null ? List.of() : jdbc.sql(SEGMENT + " where s.squad_id = ? order by s.code")
                    .param(chief.squadId()).query(RoadData::segment).list();
            default -> jdbc.sql(SEGMENT + " join roads_segment_chief sc on sc.segment_id = s.id where sc.chief_id = ? order by s.code")
                    .param(chief.id()).query(RoadData::segment).list();
        };
    }

    /** The other segments of an inspector's squad (none for the chiefs above him: theirs are all their own). */
    public List<Segment> squadSegmentsOf(Chief chief) {
        if (chief.level() != 3 || chief.squadId() == null) {
            return List.of();
        }
        return jdbc.sql(SEGMENT + " where s.squad_id = ? and not exists (select 1 from roads_segment_chief sc"
                + " where sc.segment_id = s.id and sc.chief_id = ?) order by s.code")
                .params(chief.squadId(), chief.id()).query(RoadData::segment).list();
    }

    public Optional<Segment> segment(long id) {
        return jdbc.sql(SEGMENT + " where s.id = ?").param(id).query(RoadData::segment).optional();
    }

    public Optional<Segment> segmentByCode(String code) {
        return jdbc.sql(SEGMENT + " where s.code = ?").param(code).query(RoadData::segment).optional();
    }

    public List<RoadArea> areas() {
        return jdbc.sql("select id, code, name, leader_code, supervision_phone from roads_area order by code")
                .query((rs, n) -> new RoadArea(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
    }

    public Optional<RoadArea> area(long id) {
        return jdbc.sql("select id, code, name, leader_code, supervision_phone from roads_area where id = ?").param(id)
                .query((rs, n) -> new RoadArea(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).optional();
    }

    /** The code of one road area (a keyed read, for the timers that need only the code). */
    public Optional<String> areaCode(long id) {
        return jdbc.sql("select code from roads_area where id = ?").param(id).query(String.class).optional();
    }

    public Optional<Chief> chief(long id) {
        return jdbc.sql(CHIEF + " where c.id = ?").param(id).query(this::chiefRow).optional();
    }

    public Optional<Chief> chiefByCode(String code) {
        return jdbc.sql(CHIEF + " where c.code = ?").param(code).query(this::chiefRow).optional();
    }

    public Optional<Chief> chiefByUsername(String username) {
        return jdbc.sql(CHIEF + " where c.username = ?").param(username).query(this::chiefRow).optional();
    }

    public List<Chief> chiefs() {
        return jdbc.sql(CHIEF + " order by c.chief_level, c.code").query(this::chiefRow).list();
    }

    /** The chiefs of a segment, first level first: the area's leader, the squad's leader, its inspectors. */
    public List<Chief> chiefsOf(Segment s) {
        List<Chief> all = new ArrayList<>();
        area(s.areaId()).map(RoadArea::leaderCode).flatMap(this::chiefByCode).ifPresent(all::add);
        if (s.squadId() != null) {
            squadLeader(s.squadId()).ifPresent(all::add);
        }
        all.addAll(jdbc.sql(CHIEF + " join roads_segment_chief sc on sc.chief_id = c.id where sc.segment_id = ? order by c.code")
                .param(s.id()).query(this::chiefRow).list());
        return all;
    }

    public Optional<Chief> squadLeader(long squadId) {
        return jdbc.sql(CHIEF + " join roads_squad sq on sq.leader_code = c.code where sq.id = ?").param(squadId)
                .query(this::chiefRow).optional();
    }

    /** The chief one level up: an inspector's squad leader, a squad leader's first-level chief; none above 1. */
    public Optional<Chief> nextLevel(Chief chief) {
        if (chief.level() == 3 && chief.squadId() != null) {
            return squadLeader(chief.squadId());
        }
        if (chief.level() == 2 && chief.areaId() != null) {
            return area(chief.areaId()).map(RoadArea::leaderCode).flatMap(this::chiefByCode);
        }
        return Optional.empty();
    }

    /** The areas a first-level chief leads. */
    public List<Long> areasLedBy(Chief chief) {
        return areas().stream().filter(a -> chief.code().equals(a.leaderCode())).map(RoadArea::id).toList();
    }

    long insertArea(String code, String name, String leaderCode, String phone) {
        jdbc.sql("insert into roads_area (code, name, leader_code, supervision_phone) values (?, ?, ?, ?)")
                .params(code, name, leaderCode, phone).update();
        return idOf("roads_area", code);
    }

    long insertSquad(String code, String name, long areaId, String leaderCode) {
        jdbc.sql("insert into roads_squad (code, name, area_id, leader_code) values (?, ?, ?, ?)")
                .params(code, name, areaId, leaderCode).update();
        return idOf("roads_squad", code);
    }

    long insertChief(String code, String name, int level, Long squadId, Long areaId, String phone, String username) {
        jdbc.sql("insert into roads_chief (code, name, chief_level, squad_id, area_id, phone, username) values (?, ?, ?, ?, ?, ?, ?)")
                .params(code, name, level, squadId, areaId, cipher.seal(phone), username).update();
        return idOf("roads_chief", code);
    }

    /** Inserts or replaces (by code) a segment, keeping its id and chiefs when it exists. */
    long upsertSegment(String code, String name, String section, long areaId, Long squadId, List<double[]> coordinates) {
        String coords = coordinatesJson(coordinates);
        double length = SegmentIndex.lengthMetres(coordinates);
        int updated = jdbc.sql("update roads_segment set name = ?, section = ?, area_id = ?, squad_id = ?, coordinates = ?, length_m = ? where code = ?")
                .params(name, section, areaId, squadId, coords, length, code).update();
        if (updated == 0) {
            jdbc.sql("insert into roads_segment (code, name, section, area_id, squad_id, coordinates, length_m) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(code, name, section, areaId, squadId, coords, length).update();
        }
        return idOf("roads_segment", code);
    }

    void assign(long segmentId, long chiefId) {
        jdbc.sql("insert into roads_segment_chief (segment_id, chief_id) values (?, ?) on conflict do nothing")
                .params(segmentId, chiefId).update();
    }

    public Optional<Long> areaIdByCode(String code) {
        return jdbc.sql("select id from roads_area where code = ?").param(code).query(Long.class).optional();
    }

    public Optional<String> squadName(long squadId) {
        return jdbc.sql("select name from roads_squad where id = ?").param(squadId).query(String.class).optional();
    }

    public Optional<Long> squadIdByCode(String code) {
        return jdbc.sql("select id from roads_squad where code = ?").param(code).query(Long.class).optional();
    }

    public List<String> inspectorCodes(long segmentId) {
        return jdbc.sql("select c.code from roads_segment_chief sc join roads_chief c on c.id = sc.chief_id where sc.segment_id = ? order by c.code")
                .param(segmentId).query(String.class).list();
    }

    private long idOf(String table, String code) {
        return jdbc.sql("select id from " + table + " where code = ?").param(code).query(Long.class).single();
    }

    static String coordinatesJson(List<double[]> coordinates) {
        StringBuilder b = new StringBuilder("[");
        for (double[] c : coordinates) {
            b.append(b.length() == 1 ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]", c[0], c[1]));
        }
        return b.append(']').toString();
    }

    static List<double[]> parseCoordinates(JsonNode array) {
        List<double[]> out = new ArrayList<>();
        for (JsonNode c : array) {
            out.add(new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
        }
        return out;
    }

    private static Segment segment(ResultSet rs, int row) throws SQLException {
        long squad = rs.getLong("squad_id");
        Long squadId = rs.wasNull() ? null : squad;
        return new Segment(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("section"),
                rs.getLong("area_id"), rs.getString("area_code"), rs.getString("area_name"), squadId,
                rs.getString("squad_code"), parseCoordinates(JSON.readTree(rs.getString("coordinates"))),
                rs.getDouble("length_m"));
    }

    private Chief chiefRow(ResultSet rs, int row) throws SQLException {
        long squad = rs.getLong("squad_id");
        Long squadId = rs.wasNull() ? null : squad;
        long area = rs.getLong("area_id");
        Long areaId = rs.wasNull() ? null : area;
        return new Chief(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("chief_level"),
                squadId, rs.getString("squad_name"), areaId, rs.getString("area_name"),
                cipher.open(rs.getString("phone")),
                rs.getString("username"));
    }
}
