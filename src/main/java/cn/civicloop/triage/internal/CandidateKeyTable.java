package cn.civicloop.triage.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link CandidateStore} in the narrow table {@code triage_candidate_key}: a row per key (two to five per case), read
 * by its index on (key, created_at, case_number) alone. The moment keys began is read once per instance.
 */
@Component
class CandidateKeyTable implements CandidateStore {

    private final JdbcClient jdbc;
    private volatile Optional<Instant> storedSince;

    CandidateKeyTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(String number, Instant createdAt, long[] keys) {
        if (keys.length == 0) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "insert into triage_candidate_key (candidate_key, case_number, created_at) values ");
        List<Object> params = new ArrayList<>(keys.length * 3);
        Timestamp at = Timestamp.from(createdAt);
        for (int i = 0; i < keys.length; i++) {
            sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
            params.add(keys[i]);
            params.add(number);
            params.add(at);
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    @Override
    public List<String> numbers(long[] keys, Instant since, int limit) {
        if (keys.length == 0) {
            return List.of();
        }
        List<Long> asked = new ArrayList<>(keys.length);
        for (long key : keys) {
            asked.add(key);
        }
        return jdbc.sql("select case_number from triage_candidate_key where candidate_key in (:keys) "
                        + "and created_at >= :since group by case_number order by max(created_at) desc limit :limit")
                .param("keys", asked).param("since", Timestamp.from(since)).param("limit", limit)
                .query(String.class).list();
    }

    @Override
    public Optional<Instant> storedSince() {
        Optional<Instant> known = storedSince;
        if (known == null) {
            known = jdbc.sql("select min(started_at) from triage_candidate_key_start").query(Timestamp.class).list()
                    .stream().filter(java.util.Objects::nonNull).map(Timestamp::toInstant).findFirst();
            storedSince = known;
        }
        return known;
    }

    @Override
    public int removeBefore(Instant before) {
        return jdbc.sql("delete from triage_candidate_key where created_at < ?").param(Timestamp.from(before)).update();
    }
}
