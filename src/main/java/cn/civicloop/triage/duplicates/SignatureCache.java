package cn.civicloop.triage.duplicates;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Least-recently-used signatures by appeal id, so that callers passing plain {@link AppealText}s do not re-shingle
 * the whole recent window for every new appeal. An entry is reused only while its appeal is unchanged (record
 * equality), so an edited appeal is re-signed rather than compared by its old text.
 */
final class SignatureCache {

    private final Map<String, Signature> entries;

    SignatureCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Signature> eldest) {
                return size() > capacity;
            }
        };
    }

    Signature get(AppealText appeal) {
        if (appeal.id() == null) {
            return new Signature(appeal);
        }
        synchronized (entries) {
            Signature cached = entries.get(appeal.id());
            if (cached != null && cached.appeal().equals(appeal)) {
                return cached;
            }
        }
        // Signing outside the lock: concurrent callers may both sign the same appeal, which is harmless.
        Signature fresh = new Signature(appeal);
        synchronized (entries) {
            entries.put(appeal.id(), fresh);
        }
        return fresh;
    }
}
