package cn.civicloop.dispatch.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.dispatch.UnitStatus;
import cn.civicloop.geo.AreaLevel;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.shared.DistrictTime;

/**
 * On an empty database: the 8 blocks from the street polygons, and per block 16 officers (6 特警, 6 交警, 4 派出所民警)
 * in four crews of four, each crew two mixed units of two; then the roster some weeks ahead. Names are invented.
 */
@Component
@Order(5)
class DispatchSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DispatchSeeder.class);
    static final String SWAT = "特警", TRAFFIC = "交警", STATION = "派出所民警";
    /** Per crew: the kinds of its two units' officers; over the four crews 6 特警 + 6 交警 + 4 派出所民警. */
    private static final String[][][] CREW_UNITS = {
            {{SWAT, TRAFFIC}, {SWAT, STATION}}, {{SWAT, TRAFFIC}, {SWAT, STATION}},
            {{SWAT, TRAFFIC}, {TRAFFIC, STATION}}, {{SWAT, TRAFFIC}, {TRAFFIC, STATION}}};
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
    private static final String[] GIVEN = {"建国", "海涛", "志强", "晓东", "立新", "文博", "振华", "国栋", "子豪", "明辉",
            "伟", "磊", "鹏", "超", "浩然", "俊杰", "永刚", "红军", "宏伟", "家乐", "思远", "天宇", "长青", "卫东"};

    private final Blocks blocks;
    private final Units units;
    private final Roster roster;
    private final Jurisdictions jurisdictions;
    private final Clock clock;
    private final int blockCount;

    DispatchSeeder(Blocks blocks, Units units, Roster roster, Jurisdictions jurisdictions, Clock clock,
            DispatchProperties properties) {
        this.blocks = blocks;
        this.units = units;
        this.roster = roster;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
        this.blockCount = properties.blocks();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        LocalDate today = clock.instant().atZone(DistrictTime.ZONE).toLocalDate();
        roster.ensure(today.minusDays(7), today.plusDays(28));
        if (!blocks.all().isEmpty()) {
            return;
        }
        List<Block> plan = BlockPlanner.plan(jurisdictions.geoJson(AreaLevel.STREET), blockCount);
        blocks.save(plan);
        int person = 0;
        for (int b = 0; b < plan.size(); b++) {
            Block block = plan.get(b);
            for (int crew = 0; crew < 4; crew++) {
                for (int team = 0; team < 2; team++) {
                    int n = crew * 2 + team + 1;
                    String code = block.code() + "-" + n;
                    List<Units.Officer> officers = new ArrayList<>();
                    for (String kind : CREW_UNITS[crew][team]) {
                        officers.add(new Units.Officer(name(person++), kind));
                    }
                    units.insert(new UnitRecord(code, (b + 1) + "块区" + n + "组", block.code(),
                            RosterGenerator.CREWS.get(crew), "unit-" + code.toLowerCase(), UnitStatus.AVAILABLE,
                            clock.instant(), null, patrolPoint(block, team), clock.instant()), officers);
                }
            }
        }
        log.info("Dispatch: {} blocks and {} units seeded", plan.size(), plan.size() * 8);
    }

    private static String name(int i) {
        return SURNAMES.charAt((i * 7) % SURNAMES.length()) + GIVEN[(i * 5 + i / SURNAMES.length()) % GIVEN.length];
    }

    /** The first unit of a crew waits at the post, the second patrols a little away from it, inside the block. */
    static GeoPoint patrolPoint(Block block, int team) {
        if (team == 0) {
            return block.post();
        }
        double[][] offsets = {{0.004, 0.004}, {-0.004, 0.004}, {0.004, -0.004}, {-0.004, -0.004}, {0.002, 0}, {0, 0.002}};
        GeometryFactory g = new GeometryFactory();
        for (double[] o : offsets) {
            GeoPoint p = new GeoPoint(block.post().lat() + o[0], block.post().lon() + o[1]);
            if (block.outline().covers(g.createPoint(new Coordinate(p.lon(), p.lat())))) {
                return p;
            }
        }
        return block.post();
    }
}
