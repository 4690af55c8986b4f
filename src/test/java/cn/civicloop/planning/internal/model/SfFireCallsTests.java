package cn.civicloop.planning.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reads the real file from ../shared (never copied into the repository); its shape is stated in SOURCE.md. */
class SfFireCallsTests {

    @Test
    void readsEveryUnitResponseRowOfTheSharedFile() {
        List<SfFireCalls.UnitResponse> rows = SfFireCalls.read(SfFireCalls.DEFAULT_FILE);

        assertThat(rows).hasSize(7_704);
        assertThat(rows.stream().map(SfFireCalls.UnitResponse::incident).distinct()).hasSize(3_560);
        assertThat(rows.stream().map(SfFireCalls.UnitResponse::unit).distinct()).hasSize(178);
        assertThat(rows.stream().filter(r -> r.onScene() == null)).hasSize(1_554);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.lat()).isBetween(37.6, 37.9);
            assertThat(r.lon()).isBetween(-122.6, -122.3);
        });
    }

    @Test
    void oneCallPerIncidentOverEightDaysOnACityScalePlane() {
        List<SfFireCalls.UnitResponse> rows = SfFireCalls.read(SfFireCalls.DEFAULT_FILE);

        List<Call> calls = SfFireCalls.incidents(rows, SfFireCalls.centredOn(rows));

        assertThat(calls).hasSize(3_560);
        assertThat(calls.get(0).receivedAt()).isZero();
        assertThat(calls.get(calls.size() - 1).receivedAt()).isBetween(7.9 * 86_400, 8.0 * 86_400);
        assertThat(calls).allSatisfy(c -> {
            assertThat(Math.abs(c.where().x())).isLessThan(20);
            assertThat(Math.abs(c.where().y())).isLessThan(20);
            assertThat(c.onSceneSeconds()).isPositive().isLessThanOrEqualTo(3 * 3600.0);
        });
        assertThat(calls.stream().filter(c -> c.priority() == 1).count()).isBetween(1_500L, 2_100L);
    }

    @Test
    void aMissingFileIsAClearErrorNotASkip() {
        assertThatThrownBy(() -> SfFireCalls.read(Path.of("no/such/calls.csv")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SF calls file missing")
                .hasMessageContaining("../shared/datasets/calls/");
    }
}
