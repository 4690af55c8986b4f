package cn.civicloop.cases.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.Urgency;
import cn.civicloop.shared.WorkingCalendar;

/**
 * Default completion limits of 12345 practice (research: anchors-china §2.3): urgent matters the same day,
 * enquiries and requests for help 3 working days, complaints, reports and suggestions 13 working days,
 * counted from the day after receipt. A reopened case gets a shorter limit of its own.
 */
@Component
class TimeLimits {

    static final int REOPENED_WORKING_DAYS = 5;

    private final WorkingCalendar calendar;

    TimeLimits(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    Instant dueAt(AppealKind kind, Urgency urgency, Instant receivedAt) {
        return calendar.endOfWorkingDaysAfter(receivedAt, workingDays(kind, urgency));
    }

    Instant extended(Instant dueAt, int workingDays) {
        return calendar.endOfWorkingDaysAfter(dueAt, workingDays);
    }

    Instant reopened(Instant now) {
        return calendar.endOfWorkingDaysAfter(now, REOPENED_WORKING_DAYS);
    }

    static int workingDays(AppealKind kind, Urgency urgency) {
        if (urgency == Urgency.URGENT) {
            return 0;
        }
        return switch (kind) {
            case ENQUIRY, HELP -> 3;
            case COMPLAINT, REPORT, SUGGESTION -> 13;
        };
    }
}
