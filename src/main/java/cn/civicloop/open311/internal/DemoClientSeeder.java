package cn.civicloop.open311.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The demo's Open311 client, so that a newcomer can post a request with curl right after the first start. Its key
 * is published (docs/demo-data.md), so it is seeded only with {@code civicloop.open311.demo-client}.
 */
@Component
class DemoClientSeeder implements ApplicationRunner {

    /** The demo client's name and published key. */
    static final String NAME = "演示报事应用";
    static final String KEY = "demo-open311-key-civicloop-szq";

    private static final Logger log = LoggerFactory.getLogger(DemoClientSeeder.class);

    private final ClientRegistry clients;
    private final Open311Properties settings;

    DemoClientSeeder(ClientRegistry clients, Open311Properties settings) {
        this.clients = clients;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.demoClient()) {
            clients.ensure(NAME, KEY);
            log.info("Open311: demo client {} ready (docs/demo-data.md)", NAME);
        }
    }
}
