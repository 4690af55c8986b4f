package cn.civicloop.board.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.board.PublicationChoices;
import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseFeed;
import cn.civicloop.cases.CaseFeed.FeedCase;
import cn.civicloop.cases.CaseFeed.FeedContact;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;

/**
 * Writes and refreshes the board's copy of a case. Everything a resident wrote passes the {@link Anonymiser} with the
 * name, phone and address he gave (read here and never stored); the withheld rules are applied again at every
 * refresh, since triage may re-categorise a case after it was opened.
 */
@Service
class Publications implements PublicationChoices {

    private final CaseFeed feed;
    private final CaseQueries queries;
    private final BoardCases rows;
    private final WithheldRules rules;

    Publications(CaseFeed feed, CaseQueries queries, BoardCases rows, WithheldRules rules) {
        this.feed = feed;
        this.queries = queries;
        this.rows = rows;
        this.rules = rules;
    }

    @Override
    @Transactional
    public void record(String caseNumber, boolean publish, boolean photosAgreed) {
        Optional<FeedCase> found = one(caseNumber);
        if (found.isEmpty()) {
            return;
        }
        FeedCase c = found.get();
        FeedContact contact = feed.contact(caseNumber).orElse(new FeedContact(null, null, null));
        Optional<AppealSnapshot> place = queries.snapshot(caseNumber);
        String withheld = publish ? withheld(c) : WithheldRules.Reason.OPTED_OUT.name();
        rows.insert(new BoardCases.Row(caseNumber, withheld == null, withheld, photosAgreed,
                Anonymiser.salutation(contact.name()), c.category(), scrubbed(c.title(), contact),
                place.map(AppealSnapshot::streetCode).orElse(null),
                place.map(AppealSnapshot::communityCode).orElse(null), c.departmentName(), c.status().name(),
                !c.status().ended(), c.createdAt(), c.updatedAt(), c.closedAt(), null));
    }

    /** Moves a case's row (if it has one) to the street and community it was placed in. */
    @Transactional
    void moved(String caseNumber, String streetCode, String communityCode) {
        rows.place(caseNumber, streetCode, communityCode);
    }

    /**
     * Brings a case's row up to date after a step, writing only when it changed; a case without a row (never
     * offered) stays off the board.
     */
    @Transactional
    void refresh(String caseNumber) {
        Optional<BoardCases.Row> row = rows.find(caseNumber);
        Optional<FeedCase> found = one(caseNumber);
        if (row.isEmpty() || found.isEmpty()) {
            return;
        }
        FeedCase c = found.get();
        String withheld = WithheldRules.Reason.OPTED_OUT.name().equals(row.get().withheld())
                ? row.get().withheld() : withheld(c);
        String reply = c.status() == CaseStatus.CLOSED ? reply(caseNumber) : null;
        BoardCases.Progress now = new BoardCases.Progress(withheld == null, withheld, c.category(), c.departmentName(),
                c.status().name(), !c.status().ended(), c.updatedAt(), c.closedAt(), reply);
        // Steps of one transaction (registered and assigned at once) each refresh the row: the later ones, and a
        // refresh after the intake that wrote the row, find it current already.
        if (!now.equals(row.get().progress())) {
            rows.update(caseNumber, now);
        }
    }

    private String withheld(FeedCase c) {
        if (c.duplicateOf() != null || c.status() == CaseStatus.VOIDED) {
            return "NOT_A_CASE";
        }
        return rules.reason(c.channel(), c.category(), c.title()).map(Enum::name).orElse(null);
    }

    /**
     * The department's reply (办结反馈) as published to the resident, which is the remark of its approval (审核通过),
     * anonymised; the last approved one, shown only after closure.
     */
    private String reply(String caseNumber) {
        List<CaseFeed.FeedNote> notes = feed.publicNotes(caseNumber);
        String reply = null;
        for (CaseFeed.FeedNote n : notes) {
            if (n.action() == CaseAction.APPROVE && n.remark() != null) {
                reply = n.remark();
            }
        }
        if (reply == null) {
            return null;
        }
        FeedContact contact = feed.contact(caseNumber).orElse(new FeedContact(null, null, null));
        String s = scrubbed(reply, contact);
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private static String scrubbed(String text, FeedContact contact) {
        String s = Anonymiser.scrub(text == null ? "" : text, contact.name(), contact.phone(), contact.address());
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private Optional<FeedCase> one(String caseNumber) {
        return feed.byNumbers(List.of(caseNumber)).stream().findFirst();
    }
}
