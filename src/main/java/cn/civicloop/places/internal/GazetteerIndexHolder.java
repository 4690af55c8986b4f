package cn.civicloop.places.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.civicloop.cluster.ReferenceChanges;

/**
 * The current in-memory index of the gazetteer: built on first use from the table, dropped on every instance when an
 * import (on any instance) commits, through the cluster's reference-change signal, and rebuilt on the next use.
 */
@Component
class GazetteerIndexHolder {

    static final String TOPIC = "places";

    private static final Logger log = LoggerFactory.getLogger(GazetteerIndexHolder.class);

    private final ElementStore store;
    private final ReferenceChanges changes;
    private volatile GazetteerIndex index;

    GazetteerIndexHolder(ElementStore store, ReferenceChanges changes) {
        this.store = store;
        this.changes = changes;
        changes.onChange(TOPIC, () -> index = null);
    }

    GazetteerIndex index() {
        GazetteerIndex current = index;
        if (current == null) {
            synchronized (this) {
                current = index;
                if (current == null) {
                    long start = System.nanoTime();
                    current = new GazetteerIndex(store.all());
                    index = current;
                    log.info("Gazetteer index: {} elements, {} names, built in {} ms", current.size(),
                            current.keys.size(), (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return current;
    }

    /** Announces a committed change of the gazetteer to every instance (this one included). */
    void changed() {
        changes.announce(TOPIC);
    }
}
