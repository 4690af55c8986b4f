package cn.civicloop.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.ResidentContact;

/** What other modules read of cases without a reader: text, place and time for triage, the contact for notify. */
@Component
class Snapshots {

    /** Numbers per IN list when reading snapshots: well below any driver's bind-parameter limit. */
    private static final int SNAPSHOT_CHUNK = 500;

    private final Cases cases;
    private final Reporters reporters;
    private final JdbcClient jdbc;

    Snapshots(Cases cases, Reporters reporters, JdbcClient jdbc) {
        this.cases = cases;
        this.reporters = reporters;
        this.jdbc = jdbc;
    }

    /**
     * The columns of a snapshot only: no personal data to open (three SM4 decryptions a row), which every listener
     * that reads a case's text would otherwise pay for.
     */
    Optional<AppealSnapshot> snapshot(String number) {
        return jdbc.sql("select " + SNAPSHOT_COLUMNS + " from cases_case where number = ?").param(number)
                .query(Snapshots::snapshot).optional();
    }

    /** The columns {@link #snapshot(ResultSet, int)} reads, in its order. */
    private static final String SNAPSHOT_COLUMNS = "number, status, channel, title, content, lat, lon, street_code, "
            + "community_code, grid_code, department_id, unit_id, created_at";

    private static AppealSnapshot snapshot(ResultSet rs, int row) throws SQLException {
        return new AppealSnapshot(rs.getString(1), CaseStatus.valueOf(rs.getString(2)),
                Channel.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getObject(6, Double.class),
                rs.getObject(7, Double.class), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getObject(11, Long.class), rs.getObject(12, Long.class), Cases.instant(rs, "created_at"));
    }

    List<String> openNumbersSinceNear(Instant since, Instant before, AppealSnapshot near, double radiusMeters,
            int limit) {
        List<Object> params = new ArrayList<>(List.of(Cases.ts(since), Cases.ts(before)));
        String place;
        if (near.lat() != null && near.lon() != null) {
            // A box around the circle; the duplicate finder measures the exact distance.
            double dLat = radiusMeters / 111_000.0;
            double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(near.lat())));
            place = "(lat is null or lon is null or (lat between ? and ? and lon between ? and ?))";
            params.addAll(List.of(near.lat() - dLat, near.lat() + dLat, near.lon() - dLon, near.lon() + dLon));
        } else if (near.gridCode() != null && !near.gridCode().isBlank()) {
            place = "(grid_code is null or grid_code = '' or grid_code = ?)";
            params.add(near.gridCode());
        } else if (near.communityCode() != null && !near.communityCode().isBlank()) {
            place = "(community_code is null or community_code = '' or community_code = ?)";
            params.add(near.communityCode());
        } else {
            place = "1 = 1";
        }
        return jdbc.sql("select number from cases_case where created_at >= ? and created_at < ? and status not in "
                        + "('CLOSED', 'DECLINED', 'VOIDED') and " + place + " order by created_at desc limit "
                        + Math.max(1, Math.min(limit, 20000)))
                .params(params).query(String.class).list();
    }

    List<String> openAmong(Collection<String> numbers) {
        List<String> open = new ArrayList<>();
        List<String> all = List.copyOf(numbers);
        for (int from = 0; from < all.size(); from += SNAPSHOT_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + SNAPSHOT_CHUNK));
            open.addAll(jdbc.sql("select number from cases_case where number in (:numbers) "
                            + "and status not in ('CLOSED', 'DECLINED', 'VOIDED')")
                    .param("numbers", chunk).query(String.class).list());
        }
        return open;
    }

    List<AppealSnapshot> snapshots(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        List<AppealSnapshot> found = new ArrayList<>(numbers.size());
        List<String> all = List.copyOf(numbers);
        for (int from = 0; from < all.size(); from += SNAPSHOT_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + SNAPSHOT_CHUNK));
            // the snapshot's columns only, as for one case: the whole row's personal data (three SM4 decryptions a
            // row) was opened for every unsigned candidate of the duplicate search and then dropped
            found.addAll(jdbc.sql("select " + SNAPSHOT_COLUMNS + " from cases_case where number in (:numbers)")
                    .param("numbers", chunk).query(Snapshots::snapshot).list());
        }
        return found;
    }

    List<ResidentContact> residentContacts(String number) {
        // the reporters' rows hold the contacts: the case itself is not read (nor its personal data opened)
        java.util.Map<String, ResidentContact> byPhone = new java.util.LinkedHashMap<>();
        for (Reporters.Reporter r : reporters.ofNumber(number)) {
            if (r.contactPhone() != null && !r.contactPhone().isBlank()) {
                byPhone.putIfAbsent(r.contactPhone().replaceAll("[\\s-]", ""), new ResidentContact(r.ownNumber(),
                        r.channel(), r.contactName(), r.contactPhone()));
            }
        }
        return List.copyOf(byPhone.values());
    }

    Optional<ResidentContact> residentContact(String number) {
        return cases.byNumber(number).filter(c -> c.contactPhone != null && !c.contactPhone.isBlank())
                .map(c -> new ResidentContact(c.number, c.channel, c.contactName, c.contactPhone));
    }

}
