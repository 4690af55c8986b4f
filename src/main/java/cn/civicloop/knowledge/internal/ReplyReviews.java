package cn.civicloop.knowledge.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.classifier.SearchTerms;
import cn.civicloop.directory.Actor;

/** The reply review of a case's latest department reply, for a reader who may see the case. */
@Service
public class ReplyReviews {

    /**
     * @param twin     an earlier near-identical reply of the department to another appeal (form letter), if any
     * @param promises the promise phrases found, shown beside the mere-promise flag
     */
    public record Review(TimelineEntry reply, ReplyReview.Checklist checklist, Optional<ReplyPrints.Twin> twin,
            List<String> promises) {

        public boolean formLetter() {
            return twin.isPresent();
        }
    }

    private final CaseQueries cases;
    private final ReplyPrints prints;

    ReplyReviews(CaseQueries cases, ReplyPrints prints) {
        this.cases = cases;
        this.prints = prints;
    }

    /** Empty when the case has no reply yet; refused (as the case page is) when the reader may not see the case. */
    public Optional<Review> of(String number, Actor reader) {
        CaseView view = cases.view(number, reader);
        return prints.lastReply(number).map(reply -> review(view, reply));
    }

    private Review review(CaseView view, TimelineEntry reply) {
        String text = reply.reason();
        ReplyReview.Checklist checklist = ReplyReview.of(view.title(), view.content(), text, view.createdAt(),
                reply.at(), view.dueAt(), view.kind() == AppealKind.ENQUIRY);
        Optional<ReplyPrints.Twin> twin = SearchTerms.of(text).isEmpty() ? Optional.empty()
                : prints.twinOf(view.number(), reply.departmentId(), reply.at(), ReplyPrint.of(text),
                        ReplyPrint.of(view.title() + "\n" + view.content()));
        return new Review(reply, checklist, twin, ReplyReview.promises(text));
    }
}
