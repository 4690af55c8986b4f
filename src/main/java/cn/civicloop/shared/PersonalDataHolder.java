package cn.civicloop.shared;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * PIPL (个人信息保护法 art. 45): a module that keeps personal data under a phone number tells what it holds, found by
 * the phone's keyed hash ({@link PersonalDataCipher#phoneHash}) through an indexed column, never by reading clear
 * text. The export of what is held about a phone asks every holder.
 */
public interface PersonalDataHolder {

    /** What is held under that keyed phone hash, opened (clear), at most {@code limit} records. */
    List<HeldRecord> heldFor(String phoneHash, int limit);

    /** A time column as JDBC gives it back (a timestamp, or an offset date-time for {@code with time zone}). */
    static Instant instant(Object column) {
        if (column instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (column instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return column instanceof Instant i ? i : null;
    }

    /**
     * One record: {@code source} the table it comes from (e.g. {@code cases_case}), {@code reference} what it belongs
     * to (a case or incident number), {@code at} when it was recorded, {@code fields} the personal data opened.
     */
    record HeldRecord(String source, String reference, Instant at, Map<String, String> fields) {
    }
}
