package cn.civicloop.dispatch.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.dispatch.IncidentType;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.PersonalDataCipher;

/**
 * Demo incidents on an empty dispatch database (with {@code civicloop.demo.seed-cases}): a week of handled calls
 * with generated, plausible stamps for the response-time figures, one call waiting for dispatch and one unit on its
 * way. Invented; no real call data.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "civicloop.demo.seed-cases", havingValue = "true")
class DispatchDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DispatchDemo.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(DistrictTime.ZONE);
    private static final String[][] CALLS = {
            {"THEFT", "小区车棚电动车被盗"}, {"DISPUTE", "饭店结账发生争执"}, {"VIOLENCE", "路口有人打架"},
            {"TRAFFIC_INJURY", "两车相撞，一人腿部受伤"}, {"SUSPICIOUS", "有人在楼道反复敲门"},
            {"MISSING_PERSON", "老人外出未归"}, {"OTHER", "钥匙锁在车内，孩子在车上"}};

    private final JdbcClient jdbc;
    private final Blocks blocks;
    private final Units units;
    private final DispatchDesk desk;
    private final Clock clock;
    private final PersonalDataCipher cipher;

    DispatchDemo(JdbcClient jdbc, Blocks blocks, Units units, DispatchDesk desk, Clock clock, PersonalDataCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.blocks = blocks;
        this.units = units;
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from dispatch_incident").query(Long.class).single() > 0 || blocks.all().isEmpty()) {
            return;
        }
        Random random = new Random(110);
        Instant now = clock.instant();
        List<Block> all = blocks.all();
        int n = 0;
        for (int day = 7; day >= 1; day--) {
            for (int k = 0; k < 6; k++) {
                Block b = all.get(random.nextInt(all.size()));
                String[] call = CALLS[random.nextInt(CALLS.length)];
                Instant received = now.minus(Duration.ofDays(day)).plusSeconds(random.nextInt(20 * 3600));
                history(b, IncidentType.valueOf(call[0]), call[1], received, random, ++n);
            }
        }
        Actor system = Actor.system();
        Block b3 = all.get(Math.min(2, all.size() - 1));
        desk.enterCall(new NewCall("110", IncidentType.VIOLENCE, null, "广场上两伙人争吵推搡，有人持棍", b3.name() + "文化广场",
                b3.post().lat() + 0.002, b3.post().lon() + 0.001, "周先生", "13705321234", null, null, false), system);
        Block b5 = all.get(Math.min(4, all.size() - 1));
        var theft = desk.enterCall(new NewCall("110", IncidentType.THEFT, null, "商场门口手机被抢后嫌疑人向东逃跑",
                b5.name() + "商业街", b5.post().lat() - 0.002, b5.post().lon(), "吴女士", "15865432109", null, null, true), system);
        desk.recommend(theft.incident().number(), system).ranked().stream().findFirst()
                .ifPresent(r -> desk.dispatch(theft.incident().number(), r.unitCode(), system));
        log.info("Dispatch demo: {} handled incidents of the last week, 2 open", n);
    }

    /** A handled call with stamps as they would have been written: processing 1–3 min, travel 3–8 min. */
    private void history(Block b, IncidentType type, String summary, Instant received, Random r, int seq) {
        Instant dispatched = received.plusSeconds(50 + r.nextInt(120));
        Instant enroute = dispatched.plusSeconds(20 + r.nextInt(60));
        Instant onscene = enroute.plusSeconds(150 + r.nextInt(330));
        Instant cleared = onscene.plusSeconds(900 + r.nextInt(2400));
        String unit = units.all().stream().filter(u -> u.blockCode().equals(b.code())).findFirst().map(UnitRecord::code)
                .orElse(null);
        GeoPoint place = new GeoPoint(b.post().lat() + (r.nextDouble() - 0.5) * 0.006, b.post().lon() + (r.nextDouble() - 0.5) * 0.006);
        String number = "JQ" + DAY.format(received) + "-D" + String.format("%03d", seq);
        String phone = "1380000" + String.format("%04d", seq);
        jdbc.sql("insert into dispatch_incident (number, line, incident_type, priority, status, summary, address, lat, lon, "
                + "block_code, caller_name, caller_phone, caller_phone_hash, taken_by, commander_unit, received_at, entered_at, "
                + "first_dispatched_at, first_enroute_at, first_onscene_at, cleared_at) values (?, '110', ?, ?, 'CLEARED', ?, ?, "
                + "?, ?, ?, ?, ?, ?, 'police-desk', ?, ?, ?, ?, ?, ?, ?)")
                .params(number, type.name(), type.defaultPriority(), summary, cipher.seal(b.name()), place.lat(), place.lon(),
                        b.code(), cipher.seal("群众"), cipher.seal(phone), cipher.phoneHash(phone), unit, ts(received), ts(received.plusSeconds(30)),
                        ts(dispatched), ts(enroute), ts(onscene), ts(cleared)).update();
        long id = jdbc.sql("select id from dispatch_incident where number = ?").param(number).query(Long.class).single();
        if (unit != null) {
            jdbc.sql("insert into dispatch_assignment (incident_id, unit_code, dispatched_by, dispatched_at, acknowledged_at, "
                    + "enroute_at, onscene_at, cleared_at) values (?, ?, 'police-desk', ?, ?, ?, ?, ?)")
                    .params(id, unit, ts(dispatched), ts(dispatched.plusSeconds(10)), ts(enroute), ts(onscene), ts(cleared))
                    .update();
        }
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
