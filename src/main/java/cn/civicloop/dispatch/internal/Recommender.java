package cn.civicloop.dispatch.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.civicloop.dispatch.UnitStatus;
import cn.civicloop.dispatch.internal.travel.TravelEstimate;
import cn.civicloop.dispatch.internal.travel.TravelTimeModel;
import cn.civicloop.geo.GeoPoint;

/**
 * Ranks the units for one incident by estimated travel time — nearest in time, whatever its block (own block
 * first is not a rule). Units off duty, busy or out of service are excluded with the reason. Below priority 1 a
 * block keeps a reserve of free units that only priority-1 calls may take. Pure: no database, no clock.
 */
public final class Recommender {

    /** A unit as the recommender sees it. */
    public record Candidate(String unitCode, String callSign, String blockCode, UnitStatus status, boolean onDuty,
            GeoPoint position) {
    }

    /** What the incident needs. */
    public record Scene(GeoPoint place, String blockCode, int priority, Set<String> neighbourBlocks) {
    }

    /**
     * A recommended unit, best first. {@code why} says it in words; {@code whyCode} is the same for pages that label
     * it in their own language: OWN_BLOCK, NEIGHBOUR_SUPPORT, CROSS_SUPPORT (the incident's block has no free
     * unit) or CROSS_FASTER; {@code reserveUsed} when a priority-1 call takes a block's reserve.
     */
    public record Ranked(int rank, String unitCode, String callSign, String blockCode, double seconds, double metres,
            boolean byRoad, String model, String why, String whyCode, boolean reserveUsed) {
    }

    /**
     * A unit that is not recommended, and why: {@code reason} in words, {@code reasonCode} one of OFF_DUTY,
     * OUT_OF_SERVICE, BUSY (with the unit's {@code status}), NO_POSITION, UNREACHABLE, RESERVE.
     */
    public record Excluded(String unitCode, String callSign, String blockCode, String reason, Double seconds,
            String reasonCode, UnitStatus status) {
    }

    public record Result(List<Ranked> ranked, List<Excluded> excluded, String model) {
    }

    private final TravelTimeModel travel;
    private final int reservePerBlock;

    public Recommender(TravelTimeModel travel, int reservePerBlock) {
        this.travel = travel;
        this.reservePerBlock = reservePerBlock;
    }

    public Result rank(Scene scene, List<Candidate> units) {
        List<Candidate> free = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (Candidate u : units) {
            String code = !u.onDuty() ? "OFF_DUTY" : u.status() == UnitStatus.OUT_OF_SERVICE ? "OUT_OF_SERVICE"
                    : u.status() != UnitStatus.AVAILABLE ? "BUSY" : u.position() == null ? "NO_POSITION" : null;
            if (code == null) {
                free.add(u);
            } else {
                String reason = switch (code) {
                    case "OFF_DUTY" -> "不在班（休班/轮休）";
                    case "OUT_OF_SERVICE" -> "暂停服务";
                    case "BUSY" -> "忙碌：" + u.status().label();
                    default -> "无位置信息";
                };
                excluded.add(new Excluded(u.unitCode(), u.callSign(), u.blockCode(), reason, null, code, u.status()));
            }
        }
        List<TravelEstimate> etas = travel.toward(scene.place(), free.stream().map(Candidate::position).toList());
        Integer[] order = new Integer[free.size()];
        Map<String, Integer> freeByBlock = new HashMap<>();
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            freeByBlock.merge(free.get(i).blockCode(), 1, Integer::sum);
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> etas.get(i).seconds())
                .thenComparing(i -> free.get(i).unitCode()));
        boolean ownBlockFree = freeByBlock.getOrDefault(scene.blockCode(), 0) > 0;
        Map<String, Integer> lent = new HashMap<>();
        List<Ranked> ranked = new ArrayList<>();
        for (int i : order) {
            Candidate u = free.get(i);
            TravelEstimate eta = etas.get(i);
            if (!eta.reachable()) {
                excluded.add(new Excluded(u.unitCode(), u.callSign(), u.blockCode(), "路网不可达", null, "UNREACHABLE",
                        u.status()));
                continue;
            }
            int left = freeByBlock.get(u.blockCode()) - lent.getOrDefault(u.blockCode(), 0);
            if (scene.priority() > 1 && left <= reservePerBlock) {
                excluded.add(new Excluded(u.unitCode(), u.callSign(), u.blockCode(),
                        "保留警力：" + u.blockCode() + " 须保持 " + reservePerBlock + " 个空闲巡组，仅一级警情可调用", eta.seconds(),
                        "RESERVE", u.status()));
                continue;
            }
            lent.merge(u.blockCode(), 1, Integer::sum);
            String whyCode = whyCode(scene, u, ownBlockFree);
            boolean reserveUsed = left <= reservePerBlock;
            ranked.add(new Ranked(ranked.size() + 1, u.unitCode(), u.callSign(), u.blockCode(), eta.seconds(),
                    eta.metres(), eta.byRoad(), travel.label(), why(whyCode, reserveUsed), whyCode, reserveUsed));
        }
        return new Result(ranked, excluded, travel.label());
    }

    private static String whyCode(Scene scene, Candidate u, boolean ownBlockFree) {
        return u.blockCode().equals(scene.blockCode()) ? "OWN_BLOCK"
                : !ownBlockFree && scene.neighbourBlocks().contains(u.blockCode()) ? "NEIGHBOUR_SUPPORT"
                : !ownBlockFree ? "CROSS_SUPPORT" : "CROSS_FASTER";
    }

    private static String why(String code, boolean reserveUsed) {
        String base = switch (code) {
            case "OWN_BLOCK" -> "本块区";
            case "NEIGHBOUR_SUPPORT" -> "邻块区支援（本块区无空闲巡组）";
            case "CROSS_SUPPORT" -> "跨块区支援（本块区无空闲巡组）";
            default -> "跨块区：到达时间更短";
        };
        return reserveUsed ? base + "；动用保留警力（一级警情）" : base;
    }
}
