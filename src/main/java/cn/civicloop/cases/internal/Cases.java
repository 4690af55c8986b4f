package cn.civicloop.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.cases.Urgency;
import cn.civicloop.shared.PersonalDataCipher;

/**
 * The cases table. Updates check the version read, so two people acting at once cannot overwrite each other. The
 * resident's name, phone and the address are stored sealed ({@link PersonalDataCipher}), the phone's keyed hash beside.
 */
@Repository
public class Cases {

    static final String COLUMNS = """
            id, number, status, channel, external_ref, kind, urgency, urgency_hint, category, title, content, address, lat, lon,
            street_code, community_code, grid_code, contact_name, contact_phone, anonymous,
            department_id, unit_id, handler_id, due_at, reply_text, extension_days,
            follow_up_resolved, satisfaction, duplicate_of, rework_count, reopen_count, return_count, arbitrated,
            created_at, updated_at, closed_at, version, place_level, place_confidence, place_to_confirm""";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    /** PostgreSQL indexes the search terms as an expression (ADR 0056): only H2 stores them in a column. */
    private final boolean termsStored;

    Cases(JdbcClient jdbc, PersonalDataCipher cipher, PinnedPlans plans) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.termsStored = !plans.postgres();
    }

    public Optional<Case> byNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from cases_case where number = ?").param(number)
                .query(this::map).optional();
    }

    Optional<Case> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from cases_case where id = ?").param(id).query(this::map).optional();
    }

    Optional<Case> byChannelReference(Channel channel, String externalRef) {
        return jdbc.sql("select " + COLUMNS + " from cases_case where channel = ? and external_ref = ?")
                .params(channel.name(), externalRef).query(this::map).optional();
    }

    /** The cases merged into any of {@code targetIds} (duplicates, 合并重复件). */
    java.util.List<Case> mergedInto(java.util.Collection<Long> targetIds) {
        return jdbc.sql("select " + COLUMNS + " from cases_case where duplicate_of in (:ids)").param("ids", targetIds)
                .query(this::map).list();
    }

    Optional<String> numberOf(long id) {
        return jdbc.sql("select number from cases_case where id = ?").param(id).query(String.class).optional();
    }

    void insert(Case c) {
        Map<String, Object> values = values(c, true);
        String columns = String.join(", ", values.keySet());
        String marks = String.join(", ", values.keySet().stream().map(k -> ":" + k).toList());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into cases_case (" + columns + ") values (" + marks + ")").params(values).update(key, "id");
        c.id = key.getKeyAs(Number.class).longValue();
        c.stored = Stored.of(c);
    }

    void update(Case c) {
        Map<String, Object> values = values(c, !Stored.of(c).equals(c.stored));
        String assignments = String.join(", ", values.keySet().stream().map(k -> k + " = :" + k).toList());
        int updated = jdbc.sql("update cases_case set " + assignments + ", version = version + 1 "
                        + "where id = :id and version = :expectedVersion")
                .params(values).param("id", c.id).param("expectedVersion", c.version).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("case " + c.number + " changed concurrently");
        }
        c.version++;
        c.stored = Stored.of(c);
    }

    /**
     * The values the derived columns were made from when the row was read or written: the sealed personal data
     * (SM4 each) and, on H2, the search terms (a segmentation of title, content and reply; PostgreSQL indexes an
     * expression instead). A step that changes none of them (registering, assigning, most steps) leaves those columns
     * as they are instead of sealing and segmenting again.
     */
    record Stored(String address, String contactName, String contactPhone, String title, String content,
            String replyText) {
        static Stored of(Case c) {
            return new Stored(c.address, c.contactName, c.contactPhone, c.title, c.content, c.replyText);
        }
    }

    private Map<String, Object> values(Case c, boolean derived) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("number", c.number);
        v.put("status", c.status.name());
        v.put("channel", c.channel.name());
        v.put("external_ref", c.externalRef);
        v.put("kind", c.kind.name());
        v.put("urgency", c.urgency.name());
        v.put("urgency_hint", c.urgencyHint == null ? null : c.urgencyHint.name());
        v.put("category", c.category);
        v.put("title", c.title);
        v.put("content", c.content);
        if (derived) {
            v.put("address", cipher.seal(c.address));
            v.put("contact_name", cipher.seal(c.contactName));
            v.put("contact_phone", cipher.seal(c.contactPhone));
            v.put("contact_phone_hash", cipher.phoneHash(c.contactPhone));
            if (termsStored) {
                v.put("search_terms", CaseSearchTerms.of(c.title, c.content, c.replyText));
            }
        }
        v.put("lat", c.lat);
        v.put("lon", c.lon);
        v.put("street_code", c.streetCode);
        v.put("community_code", c.communityCode);
        v.put("grid_code", c.gridCode);
        v.put("anonymous", c.anonymous);
        v.put("department_id", c.departmentId);
        v.put("unit_id", c.unitId);
        v.put("handler_id", c.handlerId);
        v.put("due_at", ts(c.dueAt));
        v.put("reply_text", c.replyText);
        v.put("extension_days", c.extensionDays);
        v.put("follow_up_resolved", c.followUpResolved);
        v.put("satisfaction", c.satisfaction == null ? null : c.satisfaction.name());
        v.put("duplicate_of", c.duplicateOf);
        v.put("rework_count", c.reworkCount);
        v.put("reopen_count", c.reopenCount);
        v.put("return_count", c.returnCount);
        v.put("arbitrated", c.arbitrated);
        v.put("created_at", ts(c.createdAt));
        v.put("updated_at", ts(c.updatedAt));
        v.put("closed_at", ts(c.closedAt));
        v.put("place_level", c.placeLevel);
        v.put("place_confidence", c.placeConfidence);
        v.put("place_to_confirm", c.placeToConfirm);
        return v;
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A row of {@link #COLUMNS} as a case, its personal data opened. */
    Case map(ResultSet rs, int row) throws SQLException {
        Case c = new Case();
        c.id = rs.getLong("id");
        c.number = rs.getString("number");
        c.status = CaseStatus.valueOf(rs.getString("status"));
        c.channel = Channel.valueOf(rs.getString("channel"));
        c.externalRef = rs.getString("external_ref");
        c.kind = AppealKind.valueOf(rs.getString("kind"));
        c.urgency = Urgency.valueOf(rs.getString("urgency"));
        String hint = rs.getString("urgency_hint");
        c.urgencyHint = hint == null ? null : Urgency.valueOf(hint);
        c.category = rs.getString("category");
        c.title = rs.getString("title");
        c.content = rs.getString("content");
        c.address = cipher.open(rs.getString("address"));
        c.lat = rs.getObject("lat", Double.class);
        c.lon = rs.getObject("lon", Double.class);
        c.streetCode = rs.getString("street_code");
        c.communityCode = rs.getString("community_code");
        c.gridCode = rs.getString("grid_code");
        c.contactName = cipher.open(rs.getString("contact_name"));
        c.contactPhone = cipher.open(rs.getString("contact_phone"));
        c.anonymous = rs.getBoolean("anonymous");
        c.departmentId = rs.getObject("department_id", Long.class);
        c.unitId = rs.getObject("unit_id", Long.class);
        c.handlerId = rs.getObject("handler_id", Long.class);
        c.dueAt = instant(rs, "due_at");
        c.replyText = rs.getString("reply_text");
        c.extensionDays = rs.getObject("extension_days", Integer.class);
        c.followUpResolved = rs.getObject("follow_up_resolved", Boolean.class);
        String satisfaction = rs.getString("satisfaction");
        c.satisfaction = satisfaction == null ? null : Satisfaction.valueOf(satisfaction);
        c.duplicateOf = rs.getObject("duplicate_of", Long.class);
        c.reworkCount = rs.getInt("rework_count");
        c.reopenCount = rs.getInt("reopen_count");
        c.returnCount = rs.getInt("return_count");
        c.arbitrated = rs.getBoolean("arbitrated");
        c.createdAt = instant(rs, "created_at");
        c.updatedAt = instant(rs, "updated_at");
        c.closedAt = instant(rs, "closed_at");
        c.version = rs.getInt("version");
        c.placeLevel = rs.getString("place_level");
        c.placeConfidence = rs.getObject("place_confidence", Double.class);
        c.placeToConfirm = rs.getBoolean("place_to_confirm");
        c.stored = Stored.of(c);
        return c;
    }
}
