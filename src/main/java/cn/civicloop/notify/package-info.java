/**
 * Notifications (通知): tells people that a case needs them. Listens to the events of {@code cases}
 * ({@link cn.civicloop.cases.CaseTransitioned}, {@link cn.civicloop.cases.CaseEscalated}) after their transaction
 * committed, so a notification that fails never undoes a case.
 * <ul>
 * <li>Staff get letters in their inbox (站内信), addressed by role and department through the directory;
 * the rules are one table ({@code internal.InboxRules}).</li>
 * <li>Residents get a short message at the public steps of their case. Messages are written to an outbox in the
 * listener's transaction and sent by a cluster-wide db-scheduler task through a {@link cn.civicloop.notify.ResidentChannel}
 * (log or webhook), with retries and backoff.</li>
 * </ul>
 * API: {@link cn.civicloop.notify.ResidentChannel} (the SPI for a message gateway) and {@code GET /api/v1/inbox}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications (通知)",
        allowedDependencies = {"shared", "directory", "cases", "security"})
package cn.civicloop.notify;
