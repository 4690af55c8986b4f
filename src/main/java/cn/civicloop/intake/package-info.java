/**
 * Intake (受理入口): one public API through which every channel submits an appeal — 12345 hotline desk, website,
 * WeChat, newspaper, grid workers, block police, village auxiliary police, road chiefs, online opinion, media
 * reporters, video alarms. It checks the form, converts GCJ-02 coordinates, places the point in the area tree
 * and hands a clean appeal to the cases module, which answers with the case number and tracking token. The
 * urgency follows the routing catalogue's hazard rules (triage) before the channel's own choice. An address
 * without a point is placed through the gazetteer (places) with its confidence recorded; below the high-confidence
 * mark the case waits for an operator to confirm the place ({@link cn.civicloop.intake.AppealIntake#fixPlace}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake (受理入口)",
        allowedDependencies = {"shared", "geo", "cases", "directory", "triage", "security", "places", "board"})
package cn.civicloop.intake;
