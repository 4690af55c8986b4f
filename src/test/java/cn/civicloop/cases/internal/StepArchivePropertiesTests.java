package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The age of the archive of old steps defaults to a year, and the application refuses to start below 90 days. */
class StepArchivePropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StepArchiveProperties.class)
    static class Settings {
    }

    @Test
    void theAgeDefaultsToAYearAndRefusesLessThan90Days() {
        ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);
        context.run(ctx -> {
            StepArchiveProperties settings = ctx.getBean(StepArchiveProperties.class);
            assertThat(settings.archiveAfter()).isEqualTo(Duration.ofDays(365));
            assertThat(settings.archiveEvery()).isEqualTo(Duration.ofHours(1));
        });
        context.withPropertyValues("civicloop.cases.archive-after=P90D").run(ctx -> assertThat(
                ctx.getBean(StepArchiveProperties.class).archiveAfter()).isEqualTo(Duration.ofDays(90)));
        context.withPropertyValues("civicloop.cases.archive-after=P30D").run(ctx -> assertThat(ctx).hasFailed()
                .getFailure().rootCause().hasMessageContaining("archiveAfter")
                .hasMessageContaining("no sooner than P90D"));
    }
}
