package cn.civicloop.cases.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.PublicCaseView;
import cn.civicloop.cases.PublicCaseView.PublicEntry;
import cn.civicloop.cases.StepRemark;

/**
 * The resident's view of his case in the language of his request, for the tracking page and the API alike: the
 * status, channel, step and party named from the bundles, and each step the system composed
 * ({@link StepRemark}) worded, with the free text that came with it as it was written.
 */
@Component
class PublicWording {

    private final MessageSource messages;

    PublicWording(MessageSource messages) {
        this.messages = messages;
    }

    /** The view in the language of the request being served. */
    PublicCaseView inRequestLanguage(PublicCaseView v) {
        return in(v, LocaleContextHolder.getLocale());
    }

    PublicCaseView in(PublicCaseView v, Locale locale) {
        return new PublicCaseView(v.number(), v.mergedInto(), v.status(), status(v, locale), v.channel(),
                v.channel() == null ? v.channelLabel()
                        : messages.getMessage("cases.channel." + v.channel().name(), null, v.channelLabel(), locale),
                v.title(), v.content(), v.address(), v.contactName(), v.contactPhone(), v.departmentName(),
                v.createdAt(), v.expectedCompletion(), v.reply(), v.followUpResolved(), v.satisfaction(),
                v.canAnswerFollowUp(), v.canReopen(), v.timeline().stream().map(e -> in(e, locale)).toList(),
                v.attachments());
    }

    private PublicEntry in(PublicEntry e, Locale locale) {
        String by = e.byDepartment() != null ? e.byDepartment()
                : messages.getMessage("track.by." + e.party().name(), null, e.by(), locale);
        return new PublicEntry(e.at(), e.action(), messages.getMessage(e.action().labelKey(), null, e.actionLabel(),
                locale), e.status(), messages.getMessage("cases.status." + e.status().name(), null, e.statusLabel(),
                locale), by, e.party(), e.byDepartment(), remark(e, locale), e.step());
    }

    /** A step's words and its free text, or a person's remark as written. */
    private String remark(PublicEntry e, Locale locale) {
        StepRemark step = e.step();
        if (step == null) {
            return e.remark();
        }
        String label = messages.getMessage(step.label(), locale);
        return step.text() == null ? label
                : messages.getMessage("cases.remark.with-text", new Object[] {label, step.text()}, locale);
    }

    private String status(PublicCaseView v, Locale locale) {
        return v.status() == null ? v.statusLabel()
                : messages.getMessage("cases.status." + v.status().name(), null, v.statusLabel(), locale);
    }
}
