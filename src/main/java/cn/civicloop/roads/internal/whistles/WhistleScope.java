package cn.civicloop.roads.internal.whistles;

import java.util.List;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.roads.internal.Chief;

/**
 * What decides what a person may see and do on whistles: the account, the road chief behind it (or none), the street
 * office he works for (or none), the departments he answers for (his department and those it belongs to, when he is
 * department staff) and the road areas he leads (a first-level chief).
 */
record WhistleScope(Actor actor, Chief chief, Department street, List<Long> answersFor, List<Long> areasLed) {
}
