package cn.civicloop.opinion.internal;

import java.time.Instant;

/**
 * What grouping and heat need of one post or case: its id, words, time, author (any stable handle, never shown) and
 * engagement (likes + opposes + replies + reposts).
 */
public record PostText(String id, String title, String detail, Instant at, String author, long engagement) {

    /**
     * The words that name the issue: the title, since a post's body mostly tells the writer's story in words other
     * posts do not share; the start of the body only when there is no title of substance (feeds, short posts).
     */
    String headline() {
        String t = title == null ? "" : title.strip();
        if (t.codePointCount(0, t.length()) >= 6) {
            return t;
        }
        String d = detail == null ? "" : detail.strip();
        return t + " " + d.substring(0, d.offsetByCodePoints(0, Math.min(40, d.codePointCount(0, d.length()))));
    }
}
