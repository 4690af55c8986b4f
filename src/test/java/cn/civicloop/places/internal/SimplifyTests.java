package cn.civicloop.places.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Douglas–Peucker as the map layer uses it. */
class SimplifyTests {

    @Test
    void aStraightLineKeepsOnlyItsEndsAndACornerIsKept() {
        List<double[]> straight = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            straight.add(new double[] {117.5 + i * 0.0001, 34.8 + i * 0.00005});
        }
        assertThat(Simplify.line(straight, 1e-6)).hasSize(2);

        List<double[]> corner = List.of(new double[] {0, 0}, new double[] {1, 0.001}, new double[] {2, 0},
                new double[] {2, 1}, new double[] {2.0004, 2});
        List<double[]> kept = Simplify.line(corner, 0.01);
        assertThat(kept).extracting(p -> p[0] + "," + p[1]).containsExactly("0.0,0.0", "2.0,0.0", "2.0004,2.0");
        assertThat(Simplify.line(corner, 0)).hasSize(5);
        assertThat(Simplify.line(corner, 0.0001)).hasSize(5);
    }

    @Test
    void onePixelAtAZoomHalvesWithEachZoomStep() {
        assertThat(Simplify.pixelDegrees(10) / Simplify.pixelDegrees(11)).isEqualTo(2.0);
        assertThat(Simplify.pixelDegrees(0)).isEqualTo(360.0 / 256);
    }
}
