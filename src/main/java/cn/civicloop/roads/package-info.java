/**
 * Road chiefs (路长制): responsibility pinned to road segments, squads and people.
 * <ul>
 * <li>Road segments (GeoJSON lines) grouped into road areas (路段片区); a point snaps to its segment within a
 * tolerance measured in metres ({@link cn.civicloop.roads.Snap}).</li>
 * <li>Three levels of chiefs (一级 district leader, 二级 squad leader, 三级 road inspector), a public sign (公示牌)
 * per road with masked phone numbers.</li>
 * <li>Patrols with their GPS track and the coverage of segments per period.</li>
 * <li>Issues found on the road: fixed on the spot (即知即改, a closed case in the governance loop), passed to the
 * next-level chief, escalated automatically one level up when unanswered (db-scheduler timer), or handed to the
 * governance loop through {@code intake} as a case that triage routes.</li>
 * <li>Whistles (吹哨) naming departments that must acknowledge and report on site (报到) within a limit, stay until
 * the whistle-blower resolves the matter (事不完，人不撤) and rate each department.</li>
 * <li>Grid workers and village auxiliary police report into intake through the same phone pages.</li>
 * <li>The weekly briefing (定期通报) per area and chief, as a page and an .xlsx file.</li>
 * </ul>
 * This package is the module's API: what other modules may use (the snap of a point, the names of areas and chiefs)
 * and the events: {@link cn.civicloop.roads.WhistleBlown}, {@link cn.civicloop.roads.WhistleResponded},
 * {@link cn.civicloop.roads.WhistleRated} and {@link cn.civicloop.roads.ChiefAnswerSettled}. The implementation is
 * in {@code internal} — the network, chiefs, patrols and briefing at its top, issues in {@code internal.issues} and
 * whistles in {@code internal.whistles}, each split into store (SQL), transitions (the status table), access (who
 * sees and acts), timers (db-scheduler), reader (views) and workflow (commands) — and the pages and API in
 * {@code web}. Tables {@code roads_*}, templates {@code templates/roads/}, messages {@code messages-roads*},
 * scripts {@code static/js/road-*.js}, settings {@code civicloop.roads.*}
 * ({@link cn.civicloop.roads.internal.RoadsProperties}).
 * <p>
 * Pages under {@code /roads/**} (the sign pages {@code /roads/signs/**} are public), API under
 * {@code /api/v1/roads/**}, admin GeoJSON import/export under {@code /api/v1/admin/roads/**}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Road chiefs (路长制)",
        allowedDependencies = {"shared", "directory", "geo", "cases", "intake", "security"})
package cn.civicloop.roads;
