package cn.civicloop.opinion.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import cn.civicloop.triage.duplicates.AppealText;
import cn.civicloop.triage.duplicates.DuplicateFinder;
import cn.civicloop.triage.duplicates.Signature;

/**
 * Groups posts into topics one at a time, as they arrive (single link within a time window): a post joins the topic
 * of the most similar post of the window when their headlines reach the similarity threshold, otherwise it opens a
 * topic. Texts are signed and pre-filtered by the duplicate machinery of triage (character shingles, MinHash); the
 * decision is a weighted Jaccard with {@link ShingleFrequencies} weights, because plain Jaccard lets "A市…的问题"
 * templates outweigh the name of the place. Not thread-safe: one writer feeds it.
 */
public final class TopicClusterer {

    private record Recent(String postId, Instant at, Signature signature) {
    }

    private final DuplicateFinder finder = new DuplicateFinder();
    private final ClusteringSettings settings;
    private final Function<PostText, String> newTopicId;
    private final ShingleFrequencies frequencies = new ShingleFrequencies();
    private final boolean counting;
    private final Deque<Recent> recent = new ArrayDeque<>();
    private final Map<String, String> topicOfPost = new HashMap<>();
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
        String topic = bestTopic(post, signature);
        if (topic == null) {
            topic = newTopicId.apply(post);
        }
        topicOfPost.put(post.id(), topic);
        remember(new Recent(post.id(), post.at(), signature));
        return topic;
    }

    /** Registers a post already placed earlier (reloading the window after a restart) without deciding anew. */
    public void restore(PostText post, String topicId) {
        Signature signature = sign(post);
        if (counting) {
            frequencies.add(signature);
        }
        topicOfPost.put(post.id(), topicId);
        remember(new Recent(post.id(), post.at(), signature));
    }

    public int windowSize() {
        return recent.size();
    }

    private String bestTopic(PostText post, Signature signature) {
        String best = null;
        double bestSimilarity = settings.similarity();
        for (Recent other : recent) {
            if (java.time.Duration.between(other.at(), post.at()).abs().compareTo(settings.window()) > 0
                    || signature.estimatedSimilarity(other.signature()) < ClusteringSettings.PREFILTER) {
                continue;
            }
            double similarity = signature.weightedSimilarity(other.signature(), frequencies);
            if (similarity >= bestSimilarity) {
                bestSimilarity = similarity;
                best = topicOfPost.get(other.postId());
            }
        }
        return best;
    }

    /** Keeps the window bounded: posts older than the window before the latest post leave it (and the counts). */
    private void remember(Recent entry) {
        recent.addLast(entry);
        if (entry.at().isAfter(latest)) {
            latest = entry.at();
        }
        Instant horizon = latest.minus(settings.window());
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(horizon)) {
            Recent gone = recent.removeFirst();
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
