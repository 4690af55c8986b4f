package cn.civicloop.knowledge.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import cn.civicloop.classifier.SearchTerms;
import cn.civicloop.knowledge.KnowledgeSearch.ArticleHit;

/**
 * The approved articles' terms in memory, ranked by BM25 (ADR 0029). The stored terms column is the source: the index
 * is filled from the rows and told of each changed row; it holds nothing the database does not. A term appears once
 * per article (the column keeps distinct terms), so BM25's term frequency is 1; a term of the title counts
 * {@value #TITLE_WEIGHT} times, because an article is about what its title says. Validity is checked at search time,
 * so an article that expires tonight is not suggested tomorrow without any write.
 */
final class ArticleIndex {

    static final double K1 = 1.2;
    static final double B = 0.75;
    static final double TITLE_WEIGHT = 2.0;
    /** A query longer than this many distinct terms is searched by its rarest ones (a pasted appeal). */
    static final int MAX_QUERY_TERMS = 48;

    private record Doc(ArticleStore.Indexed row, int length) {
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Doc> docs = new ArrayList<>();
    private final Map<Long, Integer> slotOf = new HashMap<>();
    private final Map<String, Postings> postings = new HashMap<>();
    /** Per slot: BM25's length normalisation 1 + k1·(1 − b + b·length/average); 0 for a removed slot. */
    private double[] norms = new double[0];
    private long totalLength;
    private int dead;
    private long revision;

    long revision() {
        lock.readLock().lock();
        try {
            return revision;
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return slotOf.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Takes in changed rows (in revision order): an approved one replaces its old entry, any other leaves. */
    void apply(List<ArticleStore.Indexed> rows) {
        lock.writeLock().lock();
        try {
            for (ArticleStore.Indexed row : rows) {
                remove(row.id());
                if (row.status() == ArticleStatus.APPROVED) {
                    add(row);
                }
                revision = Math.max(revision, row.revision());
            }
            if (dead > 1000 && dead > slotOf.size()) {
                compact();
            }
            normalise();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The best {@code limit} articles valid on {@code day} holding any of the query's terms. */
    List<ArticleHit> search(List<String> queryTerms, LocalDate day, int limit) {
        lock.readLock().lock();
        try {
            int n = slotOf.size();
            if (n == 0 || queryTerms.isEmpty()) {
                return List.of();
            }
            List<Postings> lists = new ArrayList<>();
            for (String t : new HashSet<>(queryTerms)) {
                Postings p = postings.get(t);
                if (p != null && p.live > 0) {
                    lists.add(p);
                }
            }
            Integer[] order = new Integer[lists.size()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingInt(i -> lists.get(i).live));
            double[] scores = new double[docs.size()];
            for (int k = 0; k < Math.min(order.length, MAX_QUERY_TERMS); k++) {
                Postings p = lists.get(order[k]);
                double idf = Math.log(1 + (n - p.live + 0.5) / (p.live + 0.5)) * (K1 + 1);
                int[] slots = p.slots;
                for (int i = 0; i < p.size; i++) {
                    int code = slots[i];
                    int slot = code >>> 1;
                    double norm = norms[slot];
                    if (norm != 0) { // 0: removed
                        scores[slot] += ((code & 1) == 1 ? TITLE_WEIGHT : 1.0) * idf / norm;
                    }
                }
            }
            // the best `limit` valid slots, by insertion into a short sorted array: no boxing over thousands of hits
            int[] best = new int[limit];
            int found = 0;
            for (int slot = 0; slot < scores.length; slot++) {
                double score = scores[slot];
                if (score == 0 || found == limit && score <= scores[best[found - 1]]
                        || !valid(docs.get(slot).row, day)) {
                    continue;
                }
                int at = found < limit ? found++ : limit - 1;
                while (at > 0 && scores[best[at - 1]] < score) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = slot;
            }
            List<ArticleHit> result = new ArrayList<>(found);
            for (int k = 0; k < found; k++) {
                ArticleStore.Indexed r = docs.get(best[k]).row;
                result.add(new ArticleHit(r.id(), r.version(), r.title(), r.category(), r.departmentId(),
                        r.excerpt(), scores[best[k]]));
            }
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Recomputes every slot's length normalisation: the average length changed. */
    private void normalise() {
        double avg = slotOf.isEmpty() ? 1 : (double) totalLength / slotOf.size();
        norms = new double[docs.size()];
        for (int slot = 0; slot < docs.size(); slot++) {
            Doc d = docs.get(slot);
            norms[slot] = d == null ? 0 : 1 + K1 * (1 - B + B * d.length / avg);
        }
    }

    private static boolean valid(ArticleStore.Indexed r, LocalDate day) {
        return !r.validFrom().isAfter(day) && (r.validUntil() == null || !r.validUntil().isBefore(day));
    }

    private void add(ArticleStore.Indexed row) {
        List<String> terms = SearchTerms.fromColumn(row.terms());
        int slot = docs.size();
        Set<String> title = new HashSet<>(SearchTerms.of(row.title()));
        docs.add(new Doc(row, terms.size()));
        slotOf.put(row.id(), slot);
        totalLength += terms.size();
        for (String t : terms) {
            postings.computeIfAbsent(t, x -> new Postings()).add(slot << 1 | (title.contains(t) ? 1 : 0));
        }
    }

    private void remove(long id) {
        Integer slot = slotOf.remove(id);
        if (slot == null) {
            return;
        }
        Doc d = docs.set(slot, null);
        totalLength -= d.length;
        dead++;
        for (String t : SearchTerms.fromColumn(d.row.terms())) {
            Postings p = postings.get(t);
            if (p != null) {
                p.live--;
            }
        }
    }

    private void compact() {
        List<ArticleStore.Indexed> live = docs.stream().filter(d -> d != null).map(Doc::row).toList();
        docs.clear();
        slotOf.clear();
        postings.clear();
        totalLength = 0;
        dead = 0;
        live.forEach(this::add);
    }

    /** The slots holding one term (slot·2, plus 1 when the term is in the title); {@code live} counts those not yet removed (the term's document frequency). */
    private static final class Postings {
        int[] slots = new int[4];
        int size;
        int live;

        void add(int slot) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            slots[size++] = slot;
            live++;
        }
    }
}
