package cn.civicloop.security;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import cn.civicloop.security.internal.AuditLog.Verification;
import cn.civicloop.security.internal.audit.AuditChainVerifier;
import cn.civicloop.security.internal.audit.AuditConfiguration;
import cn.civicloop.security.internal.audit.AuditHeadExport;

/**
 * {@code java -jar civicloop.jar audit verify|export-head [--spring.profiles.active=postgres …]}: the audit chain's
 * command-line tool. It reads the same configuration as the application (database, key, export directory) but starts
 * only the database connection and the audit beans: no web server, no migration, no timers, nothing written except,
 * for {@code export-head}, one line in the export directory. {@code verify} exits with 0 when the chain is intact and
 * 1 with the first broken row when it is not.
 */
public final class AuditCommandLine {

    private AuditCommandLine() {
    }

    public static boolean isVerb(String arg) {
        return "audit".equals(arg);
    }

    /** Not a {@code @Configuration}: the application's component scan must not find it. */
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class })
    @Import(AuditConfiguration.class)
    static class Context {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    public static int run(String[] args) {
        String command = args.length > 1 ? args[1] : "";
        if (!command.equals("verify") && !command.equals("export-head")) {
            System.err.println("usage: java -jar civicloop.jar audit verify|export-head [--spring.profiles.active=…]");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 2, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("spring.flyway.enabled=false", "db-scheduler.enabled=false",
                        "logging.level.root=WARN")
                .run(rest)) {
            if (command.equals("export-head")) {
                var head = context.getBean(AuditHeadExport.class).export();
                System.out.println(head.map(h -> "exported head: row " + h.seq() + " " + h.mac())
                        .orElse("nothing exported (no export directory, empty log, or the head is unchanged)"));
                return 0;
            }
            Verification v = context.getBean(AuditChainVerifier.class).verify();
            if (v.intact()) {
                System.out.println("audit chain intact: " + v.rows() + " rows"
                        + (v.exportedHeadSeq() == null ? " (no exported head to compare)"
                                : ", exported head at row " + v.exportedHeadSeq() + " matches"));
                return 0;
            }
            System.out.println("audit chain BROKEN at row " + v.firstBrokenSeq() + ": " + v.reason());
            return 1;
        }
    }
}
