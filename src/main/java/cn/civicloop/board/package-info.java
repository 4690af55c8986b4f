/**
 * The public board (阳光公示): anonymised cases with their progress and, after closure, the department's reply; a map
 * of open cases by area; each department's monthly figures; and the supervision items the media centre published.
 * No login. Served from a snapshot refreshed on a timer, so a crowd never reaches the database per request (ADR 0038).
 * <p>
 * Owns the {@code board_*} tables: a copy of what may be shown of a case, written anonymised when the resident's
 * choice is recorded ({@link cn.civicloop.board.PublicationChoices}) and kept current from the cases' events. Reads
 * cases only through their public feed ({@link cn.civicloop.cases.CaseFeed}) and the media centre's published items
 * through its API; never a staff view.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public board (阳光公示)",
        allowedDependencies = {"shared", "cases", "directory", "geo"})
package cn.civicloop.board;
