/**
 * Dispatch (块警务 · 110 接处警): the computer-aided dispatch of the district's 110 centre. Blocks (块区) with their
 * posts, police units (巡组) of mixed officers in a 四班三运转 roster, incidents (警情) with every lifecycle stamp and
 * their duplicate calls, the unit status machine, GPS positions from the field terminals, the nearest-in-time
 * recommendation with a priority-1 reserve, one-click orders pushed to the unit's phone, the command map with
 * response-time figures, and the diversion of non-police calls to linked agencies as cases of the governance loop
 * (through {@code intake}; their feedback comes back by listening to {@code cases} events).
 * <p>
 * Sub-packages are internal: {@code travel} (travel-time models). The block-policing models (hypercube, simulator)
 * are the {@code planning} module's.
 * It never reads another module's tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch (块警务·110)",
        allowedDependencies = {"shared", "directory", "geo", "cases", "intake", "cluster"})
package cn.civicloop.dispatch;
