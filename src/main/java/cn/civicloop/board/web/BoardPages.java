package cn.civicloop.board.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import cn.civicloop.board.internal.BoardSnapshot;

/**
 * The public page as its anonymous visitors get it: rendered once per snapshot, language and cursor, then the same
 * bytes for everyone until the snapshot changes; likewise the board's JSON, serialised once per snapshot. Rendering the template was most of a page's cost while the page
 * holds nothing of its visitor (no form, no token, no name), so a crowd costs one rendering per snapshot and
 * language. A new snapshot starts an empty set of pages; at most {@link #MAX_PAGES} are kept per snapshot (the
 * cursor comes from the visitor), beyond which a page is rendered and not kept.
 */
@Component
class BoardPages {

    static final int MAX_PAGES = 64;

    /** A rendered page and its entity tag (a digest of the bytes). */
    record Page(byte[] body, String etag) {

        static Page of(byte[] body) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
                return new Page(body, '"' + HexFormat.of().formatHex(digest, 0, 16) + '"');
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }

    /** A page is HTML in a language at a cursor, or one of the JSON documents (locale and cursor null). */
    private record Key(String json, Locale locale, String after) {
    }

    private record Generation(BoardSnapshot snapshot, Map<Key, Page> pages) {
    }

    private final AtomicReference<Generation> current = new AtomicReference<>();

    /**
     * The page of {@code snapshot} in {@code locale} after {@code after} (null: the first page), rendered by
     * {@code render} the first time it is asked for.
     */
    Page page(BoardSnapshot snapshot, Locale locale, String after, Supplier<byte[]> render) {
        return kept(snapshot, new Key(null, locale, after == null ? "" : after), render);
    }

    /**
     * The JSON document {@code name} of {@code snapshot} (the snapshot itself, its first page of cases), serialised
     * by {@code serialise} the first time it is asked for: it is the same for every client, whatever his language.
     */
    Page json(BoardSnapshot snapshot, String name, Supplier<byte[]> serialise) {
        return kept(snapshot, new Key(name, null, null), serialise);
    }

    private Page kept(BoardSnapshot snapshot, Key key, Supplier<byte[]> render) {
        Generation g = generationOf(snapshot);
        if (g == null) {
            // a request still holding an older snapshot than the one served now: its page is not worth keeping
            return Page.of(render.get());
        }
        Page page = g.pages().get(key);
        if (page != null) {
            return page;
        }
        if (key.json() == null && g.pages().size() >= MAX_PAGES) {
            return Page.of(render.get());
        }
        // one rendering per key: the others asking for it meanwhile wait for it rather than render it again
        return g.pages().computeIfAbsent(key, k -> Page.of(render.get()));
    }

    private Generation generationOf(BoardSnapshot snapshot) {
        while (true) {
            Generation g = current.get();
            if (g != null && g.snapshot() == snapshot) {
                return g;
            }
            if (g != null && !snapshot.builtAt().isAfter(g.snapshot().builtAt())) {
                return null;
            }
            Generation fresh = new Generation(snapshot, new ConcurrentHashMap<>());
            if (current.compareAndSet(g, fresh)) {
                return fresh;
            }
        }
    }
}
