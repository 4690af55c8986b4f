package cn.civicloop.planning.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.civicloop.planning.Comparison;
import cn.civicloop.planning.Comparison.HypercubeFigures;
import cn.civicloop.planning.Comparison.PolicyFigures;
import cn.civicloop.planning.Comparison.Spread;
import cn.civicloop.planning.RunView;

/**
 * A run as the page shows it: the figures as rows (label key, 坐等接警, 动态巡处, recorded), numbers written once here
 * ("4.82", "21.5 %", "—" for none), and the chart's data as JSON for {@code planning-page.js}.
 *
 * @param chartJson {"minutes": [0, 1, …], "station": [share, …], "patrol": [share, …]} or null
 */
public record RunPanel(RunView run, List<Row> simulation, List<Row> model, List<Comparison.BlockFigures> blocks,
        String chartJson) {

    /** One line of a table; {@code key} is the message key of its label. */
    public record Row(String key, String station, String patrol, String recorded) {
    }

    static final String NONE = "—";

    static RunPanel of(RunView run, String chartJson) {
        Comparison c = run.result();
        if (c == null) {
            return new RunPanel(run, List.of(), List.of(), List.of(), null);
        }
        PolicyFigures s = c.station();
        PolicyFigures p = c.patrol();
        Comparison.RecordedFigures r = c.recorded();
        List<Row> simulation = new ArrayList<>();
        simulation.add(new Row("planning.figure.response", spread(s.response()), spread(p.response()),
                r == null ? null : spread(r.response())));
        simulation.add(new Row("planning.figure.travel", spread(s.travel()), spread(p.travel()),
                r == null ? null : spread(r.toScene())));
        simulation.add(new Row("planning.figure.busy", share(s.busyMean()) + " / " + share(s.busyMax()),
                share(p.busyMean()) + " / " + share(p.busyMax()), r == null ? null : NONE));
        simulation.add(new Row("planning.figure.cross", share(s.crossBlock()), share(p.crossBlock()),
                r == null ? null : NONE));
        simulation.add(new Row("planning.figure.queued", String.valueOf(s.queued()), String.valueOf(p.queued()),
                r == null ? null : NONE));
        simulation.add(new Row("planning.figure.p1", minutes(s.priority1Median()), minutes(p.priority1Median()),
                r == null ? null : minutes(r.priority1Median())));
        List<Row> model = new ArrayList<>();
        HypercubeFigures hs = s.hypercube();
        HypercubeFigures hp = p.hypercube();
        model.add(new Row("planning.model.service", minutes(hs.serviceMinutes()), minutes(hp.serviceMinutes()), null));
        model.add(new Row("planning.model.travel", minutes(hs.meanTravel()), minutes(hp.meanTravel()), null));
        model.add(new Row("planning.model.busy", share(hs.busyMean()) + " / " + share(hs.busyMax()),
                share(hp.busyMean()) + " / " + share(hp.busyMax()), null));
        model.add(new Row("planning.model.allBusy", share(hs.allBusy()), share(hp.allBusy()), null));
        model.add(new Row("planning.model.cross", share(hs.crossBlock()), share(hp.crossBlock()), null));
        return new RunPanel(run, simulation, model, c.blocks(), chartJson);
    }

    public boolean running() {
        return !run.status().finished();
    }

    public boolean recorded() {
        return run.result() != null && run.result().recorded() != null;
    }

    public static String spread(Spread s) {
        return minutes(s.median()) + " / " + minutes(s.mean()) + " / " + minutes(s.p90());
    }

    public static String minutes(Double m) {
        return m == null || m.isNaN() ? NONE : String.format(Locale.ROOT, "%.2f", m);
    }

    /** A ratio with two decimals, "—" for none. */
    public static String ratio(Double r) {
        return minutes(r);
    }

    public static String share(Double f) {
        return f == null || f.isNaN() ? NONE : String.format(Locale.ROOT, "%.1f %%", f * 100);
    }

    public static String number(double x, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", x);
    }
}
