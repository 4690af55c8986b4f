package cn.civicloop.intake;

import static cn.civicloop.directory.Role.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.civicloop.cases.Channel;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;

/**
 * Who may submit on which channel: one table, channel → the roles that own it. A public channel (no owner) takes
 * anyone, logged in or not; a staff channel takes only a login (page session or API token) of a role that owns it,
 * and the application itself ({@link Role#SYSTEM}: timers, imports, the demo). What a staff channel says about
 * urgency is that staff member's judgement; on a public channel it is the resident's hint, which triage confirms
 * (see {@link AppealIntake}).
 */
public final class ChannelOwners {

    private static final Map<Channel, Set<Role>> OWNERS = table(Map.ofEntries(
            Map.entry(Channel.WEBSITE, Set.of()),
            Map.entry(Channel.WECHAT, Set.of()),
            // the hotline's calls, and what the centre collects from papers, the web and reporters, are typed in by its operators
            Map.entry(Channel.HOTLINE_12345, Set.of(OPERATOR)),
            Map.entry(Channel.NEWSPAPER, Set.of(OPERATOR)),
            Map.entry(Channel.ONLINE_OPINION, Set.of(OPERATOR)),
            Map.entry(Channel.MEDIA_REPORTER, Set.of(OPERATOR)),
            Map.entry(Channel.GRID_WORKER, Set.of(GRID_WORKER)),
            Map.entry(Channel.VILLAGE_AUX_POLICE, Set.of(GRID_WORKER)),
            Map.entry(Channel.ROAD_CHIEF, Set.of(ROAD_CHIEF)),
            Map.entry(Channel.BLOCK_POLICE, Set.of(POLICE_OFFICER, POLICE_DISPATCHER)),
            Map.entry(Channel.VIDEO_ALARM, Set.of(POLICE_DISPATCHER, OPERATOR)),
            Map.entry(Channel.POLICE_110, Set.of(POLICE_DISPATCHER)),
            // what an outside system relays through the Open311 server, proven by that system's api_key
            Map.entry(Channel.OPEN311, Set.of(OPEN311_CLIENT))));

    private ChannelOwners() {
    }

    /** The roles that own {@code channel}; empty for a public channel. */
    public static Set<Role> of(Channel channel) {
        return OWNERS.get(channel);
    }

    /** Whether anyone, logged in or not, may submit on {@code channel}. */
    public static boolean isPublic(Channel channel) {
        return OWNERS.get(channel).isEmpty();
    }

    /** Whether {@code actor} may submit on {@code channel}. */
    public static boolean mayUse(Channel channel, Actor actor) {
        return isPublic(channel) || owns(channel, actor);
    }

    /** Whether {@code actor} holds a role that owns {@code channel} (or is the application itself). */
    public static boolean owns(Channel channel, Actor actor) {
        return actor.has(SYSTEM) || OWNERS.get(channel).stream().anyMatch(actor::has);
    }

    /** The owners' names for a refusal: 受理员·信息员、路长. */
    static String ownerLabels(Channel channel) {
        return OWNERS.get(channel).stream().map(Role::label).sorted().collect(Collectors.joining("、"));
    }

    private static Map<Channel, Set<Role>> table(Map<Channel, Set<Role>> entries) {
        Map<Channel, Set<Role>> table = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Set<Role> owners = entries.get(channel);
            if (owners == null) {
                throw new IllegalStateException("no owner declared for channel " + channel);
            }
            table.put(channel, owners.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(owners)));
        }
        return Collections.unmodifiableMap(table);
    }
}
