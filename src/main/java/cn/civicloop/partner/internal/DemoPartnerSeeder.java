package cn.civicloop.partner.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.civicloop.directory.Directory;

/**
 * The demo's partner client of 人保财险 (INS-PICC), so that a newcomer can try the partner API with curl right after
 * the first start. Its secret is published (docs/partner.md), so it is seeded only with
 * {@code civicloop.partner.demo-client}.
 */
@Component
@Order(100)
class DemoPartnerSeeder implements ApplicationRunner {

    static final String AGENCY = "INS-PICC";
    static final String NAME = "人保财险理赔系统";
    static final String CLIENT_ID = "pc-demo-picc";
    static final String SECRET = "demo-partner-secret-picc-civicloop";

    private static final Logger log = LoggerFactory.getLogger(DemoPartnerSeeder.class);

    private final PartnerClients clients;
    private final Directory directory;
    private final PartnerProperties settings;

    DemoPartnerSeeder(PartnerClients clients, Directory directory, PartnerProperties settings) {
        this.clients = clients;
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoClient()) {
            return;
        }
        directory.departmentByCode(AGENCY).ifPresentOrElse(agency -> {
            clients.ensure(agency.id(), NAME, CLIENT_ID, SECRET);
            log.info("partner: demo client {} of {} ready (docs/partner.md)", CLIENT_ID, agency.name());
        }, () -> log.warn("partner: no demo agency {}, no demo client", AGENCY));
    }
}
