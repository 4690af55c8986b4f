/**
 * Cases (工单): the closed loop of an appeal, from registration to the resident's verdict.
 * One explicit state machine ({@link cn.civicloop.cases.CaseStatus} × {@link cn.civicloop.cases.CaseAction}),
 * one transaction per command, every change on the timeline with who, when, what and why.
 * <p>
 * Publishes {@link cn.civicloop.cases.CaseOpened} and {@link cn.civicloop.cases.CaseTransitioned}.
 * Knows departments and staff only by id through the directory; never reads another module's tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases (工单)", allowedDependencies = {"shared", "directory", "calendar", "cluster", "security"})
package cn.civicloop.cases;
