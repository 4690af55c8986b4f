/**
 * Performance evaluation (绩效考评): every department, unit, street and grid scored per period on how it answered
 * the public. Indicators are data (formula over case facts, direction, unit, edited with history), the composite
 * score's weights are data per subject kind, departments object to a case's counting and the evaluation office
 * decides, a period is computed as a draft and published as an immutable version, with rankings, trends, drill-down
 * to the cases behind a figure and an Excel export.
 * <p>
 * Reads cases only through their events ({@link cn.civicloop.cases.CaseTransitioned},
 * {@link cn.civicloop.cases.CaseEscalated}; the media centre's {@link cn.civicloop.media.SupervisionOpened} as
 * supervision) and their read API, keeping its own fact table; writes nothing into
 * other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Performance evaluation (绩效考评)",
        allowedDependencies = {"shared", "cases", "directory", "dispatch", "media", "roads", "security"})
package cn.civicloop.evaluation;
