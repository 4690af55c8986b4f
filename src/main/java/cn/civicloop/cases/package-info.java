/**
 * Cases (工单): the closed loop of an appeal, from registration to the resident's verdict.
 * One explicit state machine ({@link cn.civicloop.cases.CaseStatus} × {@link cn.civicloop.cases.CaseAction}),
 * one transaction per command, every change on the timeline with who, when, what and why. Each action's rights,
 * statuses, fields, visibility and clock effects are written once, in the action catalogue (ADR 0011), which
 * others read through {@link cn.civicloop.cases.CaseActions}.
 * <p>
 * Publishes {@link cn.civicloop.cases.CaseOpened}, {@link cn.civicloop.cases.CaseTransitioned} and
 * {@link cn.civicloop.cases.CaseEscalated}.
 * Knows departments and staff only by id through the directory; never reads another module's tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases (工单)", allowedDependencies = {"shared", "directory", "calendar", "classifier", "cluster", "security"})
package cn.civicloop.cases;
