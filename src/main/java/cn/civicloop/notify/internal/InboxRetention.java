package cn.civicloop.notify.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import cn.civicloop.shared.Retention;

/**
 * Deletes the staff's letters (站内信) written longer ago than {@code civicloop.notify.inbox-retention} (default 180
 * days), read or not. Every case leaves several, one per addressed handler, head or operator at each step that
 * concerns them: kept forever the inbox grew with the whole history, and so did each reader's count of his letters.
 * A letter only points elsewhere: the step it announces is in the case's timeline (who, when, why), the alert or
 * footage request in its own module, and the work still to do in the workbench's lists, none of which reads the
 * inbox. A db-scheduler recurring task, so one instance of a cluster deletes, in bounded batches along
 * {@code notify_inbox_written} (V485).
 * <p>
 * A deleted letter's key ({@code staff_id, source_event}) no longer stops a second letter for its event: harmless,
 * because the event is never delivered again by then (see {@link OutboxRetention}: same argument), and the other
 * modules' letters are written once by their own records (an alert, a request) that are kept.
 */
@Configuration(proxyBeanMethods = false)
class InboxRetention {

    static final String TASK = "notify-inbox-retention";
    static final Retention WRITTEN = Retention.of("staff letters written", "notify_inbox", "created_at");

    @Bean
    RecurringTask<Void> notifyInboxRetentionTask(JdbcClient jdbc, Clock clock, NotifyProperties settings) {
        return WRITTEN.task(TASK, settings.retentionCheck(), settings.inboxRetention(), jdbc, clock);
    }
}
