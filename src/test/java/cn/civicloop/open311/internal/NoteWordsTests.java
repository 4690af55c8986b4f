package cn.civicloop.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseFeed.FeedNote;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.cases.StepRemark;

/**
 * A public step sent to an outside system is worded in the request's language, a step the system composed from the
 * bundles; the free text keeps its words, with a long digit run masked.
 */
class NoteWordsTests {

    private final Labels labels = new Labels(bundles());

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages", "messages-cases", "messages-open311");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aStepTheSystemComposedIsWordedAndItsTextMasked() {
        String stored = StepRemark.of(StepRemark.Kind.EXTENSION_APPROVED, "请联系13912345678", 3,
                Instant.parse("2026-12-21T09:00:00Z")).stored(2000);
        FeedNote note = note(CaseAction.APPROVE_EXTENSION, stored, "TRIAGE_OFFICER");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        String english = labels.note(note);
        assertThat(english).endsWith("Handling time limit extended by 3 working days, to 2026-12-21 17:00: 请联系139****5678")
                .doesNotContain("EXTENSION_APPROVED", "13912345678");
        assertThat(english.substring(0, english.indexOf("请联系"))).doesNotContainPattern("\\p{IsHan}");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(labels.note(note)).endsWith("：办理期限延长 3 个工作日，至 2026-12-21 17:00：请联系139****5678");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        String closed = StepRemark.of(StepRemark.Kind.AUTO_CLOSED, null, Satisfaction.SATISFIED).stored(2000);
        assertThat(labels.note(note(CaseAction.CLOSE, closed, "SYSTEM"))).doesNotContainPattern("\\p{IsHan}")
                .endsWith(": Closed automatically after a follow-up rated satisfied");
        assertThat(labels.note(note(CaseAction.CLOSE, "回访电话13912345678无人接听", "OPERATOR")))
                .as("a person's remark as written, masked").endsWith(": 回访电话139****5678无人接听");
    }

    private static FeedNote note(CaseAction action, String remark, String role) {
        return new FeedNote(1, "SZ-1", Instant.EPOCH, action, action.label(), CaseStatus.IN_PROGRESS, remark,
                StepRemark.parse(action, role, remark).orElse(null));
    }
}
