package cn.civicloop.opinion.internal;

import java.time.Instant;

/** A post as a source delivers it (push, feed item, import row), before it is placed in a topic. */
public record IncomingPost(String externalId, String url, String author, String title, String text, Instant at,
        long likes, long opposes, long replies, long reposts, String place) {

    long engagement() {
        return Math.max(0, likes) + Math.max(0, opposes) + Math.max(0, replies) + Math.max(0, reposts);
    }
}
