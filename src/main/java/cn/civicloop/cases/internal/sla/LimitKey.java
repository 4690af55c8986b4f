package cn.civicloop.cases.internal.sla;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.Urgency;

/** What decides a case's time limits: its category (if any), its kind and its urgency. */
public record LimitKey(String category, AppealKind kind, Urgency urgency) {
}
