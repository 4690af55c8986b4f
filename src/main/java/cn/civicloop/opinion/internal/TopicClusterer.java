package cn.civicloop.opinion.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.civicloop.triage.duplicates.AppealText;
import cn.civicloop.triage.duplicates.DuplicateFinder;
import cn.civicloop.triage.duplicates.Signature;

/**
 * Groups posts into topics one at a time, as they arrive (single link within a time window): a post joins the topic
 * of the most similar post of the window when their headlines reach the similarity threshold, otherwise it opens a
 * topic. Two tiers of time: posts within {@code window} of each other need {@code similarity}; posts further apart,
 * up to {@code farWindow}, need the stricter {@code farSimilarity} (residents raise an unsolved issue again months
 * later, in nearly the same words). Texts are signed and pre-filtered by the duplicate machinery of triage
 * (character shingles, MinHash); candidates come from an LSH index of the signatures (64 bands of 2 rows), so a
 * post is compared with the few posts that share a band, not with the whole window; the decision is a weighted
 * Jaccard with {@link ShingleFrequencies} weights, because plain Jaccard lets "A市…的问题" templates outweigh the
 * name of the place. Not thread-safe: one writer feeds it.
 */
public final class TopicClusterer {

    private record Recent(String postId, Instant at, Signature signature, long[] bands, long seq) {
    }

    /** Rows per LSH band: 2 rows, 64 bands (see {@link Signature#bandKeys}). */
    static final int BAND_ROWS = 2;

    private final DuplicateFinder finder = new DuplicateFinder();
    private final ClusteringSettings settings;
    private final Function<PostText, String> newTopicId;
    private final ShingleFrequencies frequencies = new ShingleFrequencies();
    private final boolean counting;
    private final Deque<Recent> recent = new ArrayDeque<>();
    private final Map<String, String> topicOfPost = new HashMap<>();
    /** The posts of the window by LSH band key, each list in arrival order. */
    private final Map<Long, Deque<Recent>> byBand = new HashMap<>();
    private long arrivals;
    private Instant latest = Instant.MIN;

    private TopicClusterer(ClusteringSettings settings, Function<PostText, String> newTopicId, boolean counting) {
        this.settings = settings;
        this.newTopicId = newTopicId;
        this.counting = counting;
    }

    /** For a stream: shingle frequencies are those of the posts in the window so far. */
    public static TopicClusterer streaming(ClusteringSettings settings, Function<PostText, String> newTopicId) {
        return new TopicClusterer(settings, newTopicId, true);
    }

    /** For a whole file known in advance: frequencies are counted over all of it before the first post is placed. */
    public static TopicClusterer batch(ClusteringSettings settings, Iterable<PostText> all,
            Function<PostText, String> newTopicId) {
        TopicClusterer clusterer = new TopicClusterer(settings, newTopicId, false);
        for (PostText post : all) {
            clusterer.frequencies.add(clusterer.sign(post));
        }
        return clusterer;
    }

    /** Places the post and returns its topic id; a post placed before keeps its topic. */
    public String add(PostText post) {
        String known = topicOfPost.get(post.id());
        if (known != null) {
            return known;
        }
        Signature signature = sign(post);
        if (counting) {
            frequencies.add(signature);
        }
        long[] bands = signature.bandKeys(BAND_ROWS);
        String topic = bestTopic(post, signature, bands);
        if (topic == null) {
            topic = newTopicId.apply(post);
        }
        topicOfPost.put(post.id(), topic);
        remember(new Recent(post.id(), post.at(), signature, bands, ++arrivals));
        return topic;
    }

    /** Registers a post already placed earlier (reloading the window after a restart) without deciding anew. */
    public void restore(PostText post, String topicId) {
        Signature signature = sign(post);
        if (counting) {
            frequencies.add(signature);
        }
        topicOfPost.put(post.id(), topicId);
        remember(new Recent(post.id(), post.at(), signature, signature.bandKeys(BAND_ROWS), ++arrivals));
    }

    public int windowSize() {
        return recent.size();
    }

    private String bestTopic(PostText post, Signature signature, long[] bands) {
        if (signature.isEmpty()) {
            return null;
        }
        Recent best = null;
        double bestSimilarity = 0;
        Set<Recent> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (long band : bands) {
            Deque<Recent> bucket = byBand.get(band);
            if (bucket == null) {
                continue;
            }
            for (Recent other : bucket) {
                if (!seen.add(other)) {
                    continue;
                }
                double needed = settings.needed(Duration.between(other.at(), post.at()));
                if (needed > 1 || signature.estimatedSimilarity(other.signature()) < ClusteringSettings.PREFILTER) {
                    continue;
                }
                double similarity = signature.weightedSimilarity(other.signature(), frequencies);
                // the most similar wins; between equals, the one that arrived last (as the window was scanned)
                if (similarity >= needed && (best == null || similarity > bestSimilarity
                        || (similarity == bestSimilarity && other.seq() > best.seq()))) {
                    bestSimilarity = similarity;
                    best = other;
                }
            }
        }
        return best == null ? null : topicOfPost.get(best.postId());
    }

    /** Keeps the window bounded: posts older than the window before the latest post leave it (and the counts). */
    private void remember(Recent entry) {
        recent.addLast(entry);
        for (long band : entry.bands()) {
            byBand.computeIfAbsent(band, k -> new ArrayDeque<>(2)).addLast(entry);
        }
        if (entry.at().isAfter(latest)) {
            latest = entry.at();
        }
        Instant horizon = latest.minus(settings.farWindow());
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(horizon)) {
            Recent gone = recent.removeFirst();
            for (long band : gone.bands()) {
                Deque<Recent> bucket = byBand.get(band);
                if (bucket != null) {
                    // buckets keep arrival order and the window leaves in arrival order: the head, nearly always
                    if (bucket.peekFirst() == gone) {
                        bucket.removeFirst();
                    } else {
                        bucket.removeFirstOccurrence(gone);
                    }
                    if (bucket.isEmpty()) {
                        byBand.remove(band);
                    }
                }
            }
            topicOfPost.remove(gone.postId());
            if (counting) {
                frequencies.remove(gone.signature());
            }
        }
    }

    private Signature sign(PostText post) {
        return finder.signature(new AppealText(post.id(), post.headline(), "", null, null, null, null, post.at()));
    }
}
