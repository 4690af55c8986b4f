/**
 * Media supervision (融媒体监督): the district media centre watches the loop through its public facts (case number,
 * category, department, status, deadline; never the resident's words or contact), keeps a watch list, is alerted by
 * the cases' events to cases overdue past a threshold, returned, reworked or left dissatisfied repeatedly, and opens
 * supervision items (曝光) on a case or a department. An item asks the department for a public response by a deadline
 * on the business calendar, is escalated when the deadline passes (a cluster-wide db-scheduler timer), and reaches
 * the public board only when the media centre publishes it. A new alert is also a letter in the media officers' inbox.
 * <p>
 * Owns the {@code media_*} tables. Publishes {@link cn.civicloop.media.SupervisionOpened}; hands published items to
 * the board through {@link cn.civicloop.board.BoardItems}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media supervision (融媒体监督)",
        allowedDependencies = {"shared", "cases", "directory", "calendar", "notify", "security", "board"})
package cn.civicloop.media;
