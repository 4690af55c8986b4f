/**
 * Triage (一二级研判): turns the classifier's suggestions and the routing catalogue (派单目录) into decisions.
 * An appeal is assigned automatically when the classifier is sure enough for its category and a rule of the
 * catalogue names a department; otherwise it waits in the triage queue with ranked suggestions for a dispatcher.
 * Detects urgency, diverts non-police 110 matters to linked agencies, finds the same event reported through several
 * channels, and counts dispatchers' corrections as training signal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triage (一二级研判)",
        allowedDependencies = {"shared", "directory", "geo", "cases", "classifier", "cluster", "security"})
package cn.civicloop.triage;
