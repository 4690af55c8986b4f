package cn.civicloop.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealSnapshot;
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

    Optional<AppealSnapshot> snapshot(String number) {
        return cases.byNumber(number).map(Snapshots::snapshot);
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
            jdbc.sql("select " + Cases.COLUMNS + " from cases_case where number in (:numbers)")
                    .param("numbers", chunk).query(cases::map).list().forEach(c -> found.add(snapshot(c)));
        }
        return found;
    }

    List<ResidentContact> residentContacts(String number) {
        Optional<Case> c = cases.byNumber(number);
        if (c.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, ResidentContact> byPhone = new java.util.LinkedHashMap<>();
        for (Reporters.Reporter r : reporters.of(c.get().id)) {
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

    private static AppealSnapshot snapshot(Case c) {
        return new AppealSnapshot(c.number, c.status, c.channel, c.title, c.content, c.lat, c.lon, c.streetCode,
                c.communityCode, c.gridCode, c.departmentId, c.createdAt);
    }
}
