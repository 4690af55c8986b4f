package cn.civicloop.board.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.civicloop.cases.CaseFeed;
import cn.civicloop.cases.CaseFeed.FeedCase;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;

/** A refresh writes the board's row only when the case shows something new. */
class PublicationsRefreshTests {

    private static final Instant OPENED = Instant.parse("2026-12-07T01:00:00Z");
    private static final Instant ASSIGNED = Instant.parse("2026-12-07T01:00:03.123456Z");

    private final CaseFeed feed = mock(CaseFeed.class);
    private final BoardCases rows = mock(BoardCases.class);
    private final WithheldRules rules = mock(WithheldRules.class);
    private final Publications publications = new Publications(feed, mock(CaseQueries.class), rows, rules);

    private static FeedCase assigned() {
        return new FeedCase("C1", CaseStatus.ASSIGNED, Channel.HOTLINE_12345, null, "路灯", "路灯坏了", "路灯坏了", null,
                null, "城管局", OPENED, ASSIGNED, null, null, false, null);
    }

    private static BoardCases.Row row(String status, Instant updatedAt, String department) {
        return new BoardCases.Row("C1", true, null, false, Anonymiser.Salutation.RESIDENT, "路灯", "路灯坏了", "370402001",
                null, department, status, true, OPENED, updatedAt, null, null);
    }

    @Test
    void aRowThatAlreadyShowsTheCaseIsNotWrittenAgain() {
        when(feed.byNumbers(List.of("C1"))).thenReturn(List.of(assigned()));
        when(rules.reason(any(), any(), any())).thenReturn(Optional.empty());
        when(rows.find("C1")).thenReturn(Optional.of(row("ASSIGNED", ASSIGNED, "城管局")));

        publications.refresh("C1");

        verify(rows, never()).update(any(), any());
    }

    @Test
    void aRowBehindTheCaseIsBroughtUpToDate() {
        when(feed.byNumbers(List.of("C1"))).thenReturn(List.of(assigned()));
        when(rules.reason(any(), any(), any())).thenReturn(Optional.empty());
        when(rows.find("C1")).thenReturn(Optional.of(row("SUBMITTED", OPENED, null)));

        publications.refresh("C1");

        verify(rows).update(eq("C1"), eq(new BoardCases.Progress(true, null, "路灯", "城管局", "ASSIGNED", true,
                ASSIGNED, null, null)));
    }
}
