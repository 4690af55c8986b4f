package cn.civicloop.board.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import cn.civicloop.board.internal.BoardSnapshot;

/** The rendered pages are kept per snapshot, language and cursor: rendered once each, dropped with their snapshot. */
class BoardPagesTests {

    private final BoardPages pages = new BoardPages();
    private final AtomicInteger renderings = new AtomicInteger();

    private static BoardSnapshot snapshot(Instant at) {
        return new BoardSnapshot(at, List.of(), null, List.of(), List.of(), List.of());
    }

    private Supplier<byte[]> render(String text) {
        return () -> {
            renderings.incrementAndGet();
            return text.getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void aPageIsRenderedOncePerSnapshotLanguageAndCursor() {
        BoardSnapshot s = snapshot(Instant.parse("2026-12-07T01:00:00Z"));
        BoardPages.Page zh = pages.page(s, Locale.SIMPLIFIED_CHINESE, null, render("阳光公示"));
        assertThat(pages.page(s, Locale.SIMPLIFIED_CHINESE, null, render("again"))).isSameAs(zh);
        assertThat(renderings).hasValue(1);
        BoardPages.Page en = pages.page(s, Locale.ENGLISH, null, render("Public board"));
        BoardPages.Page older = pages.page(s, Locale.SIMPLIFIED_CHINESE, "2026-01-01T00:00:00Z~SZ-1", render("更早"));
        assertThat(renderings).hasValue(3);
        assertThat(new String(en.body(), StandardCharsets.UTF_8)).isEqualTo("Public board");
        assertThat(en.etag()).isNotEqualTo(zh.etag());
        assertThat(older.etag()).isNotEqualTo(zh.etag());
    }

    @Test
    void aNewSnapshotIsRenderedAnewAndAnOlderOneIsNotKept() {
        BoardSnapshot first = snapshot(Instant.parse("2026-12-07T01:00:00Z"));
        BoardSnapshot second = snapshot(Instant.parse("2026-12-07T01:01:00Z"));
        pages.page(first, Locale.ENGLISH, null, render("one case"));
        BoardPages.Page next = pages.page(second, Locale.ENGLISH, null, render("two cases"));
        assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("two cases");
        assertThat(renderings).hasValue(2);
        // a request still holding the first snapshot gets its own page, which does not replace the newer one
        pages.page(first, Locale.ENGLISH, null, render("one case"));
        assertThat(pages.page(second, Locale.ENGLISH, null, render("x"))).isSameAs(next);
        assertThat(renderings).hasValue(3);
    }

    @Test
    void cursorsBeyondTheBoundAreRenderedButNotKept() {
        BoardSnapshot s = snapshot(Instant.parse("2026-12-07T01:00:00Z"));
        for (int i = 0; i < BoardPages.MAX_PAGES; i++) {
            pages.page(s, Locale.ENGLISH, "cursor-" + i, render("page " + i));
        }
        pages.page(s, Locale.ENGLISH, "one-more", render("p"));
        pages.page(s, Locale.ENGLISH, "one-more", render("p"));
        assertThat(renderings).hasValue(BoardPages.MAX_PAGES + 2);
    }

    @Test
    void theJsonIsSerialisedOncePerSnapshotWhateverTheCursorsKept() {
        BoardSnapshot s = snapshot(Instant.parse("2026-12-07T01:00:00Z"));
        for (int i = 0; i < BoardPages.MAX_PAGES; i++) {
            pages.page(s, Locale.ENGLISH, "cursor-" + i, render("page " + i));
        }
        BoardPages.Page board = pages.json(s, "board", render("{\"cases\":[]}"));
        assertThat(pages.json(s, "board", render("again"))).isSameAs(board);
        BoardPages.Page cases = pages.json(s, "cases", render("{\"next\":null}"));
        assertThat(pages.json(s, "cases", render("again"))).isSameAs(cases);
        assertThat(renderings).hasValue(BoardPages.MAX_PAGES + 2);
        assertThat(cases.etag()).isNotEqualTo(board.etag());
        BoardPages.Page next = pages.json(snapshot(Instant.parse("2026-12-07T01:01:00Z")), "board", render("{}"));
        assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(renderings).hasValue(BoardPages.MAX_PAGES + 3);
    }
}
