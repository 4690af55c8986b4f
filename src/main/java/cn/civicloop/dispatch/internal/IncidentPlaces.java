package cn.civicloop.dispatch.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.dispatch.DispatchFeed;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Text;
import cn.civicloop.shared.Phrase;

/**
 * Where an incident is. The desk gives a place as coordinates (a click on its map or typed), checked here: both
 * or neither, real degrees, inside the district. A call may be entered before anyone knows where it is; it is
 * placed later with {@link #place}. Whatever finds a place for the desk (today the map and the typed coordinates;
 * an address search later) hands its coordinates to these two methods, so there is one check and one block lookup.
 */
@Service
public class IncidentPlaces {

    private final Incidents incidents;
    private final Blocks blocks;
    private final Jurisdictions jurisdictions;
    private final DispatchFeed feed;
    private final Clock clock;

    IncidentPlaces(Incidents incidents, Blocks blocks, Jurisdictions jurisdictions, DispatchFeed feed, Clock clock) {
        this.incidents = incidents;
        this.blocks = blocks;
        this.jurisdictions = jurisdictions;
        this.feed = feed;
        this.clock = clock;
    }

    /** The checked place of a call, or empty when it has no coordinates (yet). */
    public Optional<GeoPoint> of(Double lat, Double lon) {
        if (lat == null && lon == null) {
            return Optional.empty();
        }
        if (lat == null || lon == null) {
            throw new InvalidInputException(lat == null ? "lat" : "lon",
                    Phrase.of("problem.dispatch.both-coordinates", "纬度和经度须同时填写"));
        }
        GeoPoint p;
        try {
            p = new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("lat", Phrase.of("problem.dispatch.coordinates-range",
                    "坐标无效：纬度在 -90 至 90 之间，经度在 -180 至 180 之间"));
        }
        if (!jurisdictions.withinDistrict(p)) {
            throw new InvalidInputException("lat", Phrase.of("problem.dispatch.outside-district",
                    "该位置不在本区范围内，请核对纬度和经度"));
        }
        return Optional.of(p);
    }

    /** The block a place lies in (or next to), by code; null outside every block. */
    String blockAt(GeoPoint place) {
        return place == null ? null : blocks.at(place).map(Block::code).orElse(null);
    }

    /** Sets or corrects the place of an incident the police are still working; logged with who and where. */
    @Transactional
    public IncidentRecord place(String number, Double lat, Double lon, String address, Actor actor) {
        Access.desk(actor);
        GeoPoint p = of(lat, lon).orElseThrow(() -> new InvalidInputException("lat",
                Phrase.of("problem.dispatch.place-required", "请在地图上点选位置或填写坐标")));
        IncidentRecord i = incidents.byNumber(number).flatMap(r -> incidents.lock(r.id()))
                .orElseThrow(() -> new NotFoundException(Phrase.of("problem.dispatch.no-such-incident", "没有警情 {0}", number)));
        if (!i.status().policeOpen()) {
            throw new ConflictException(Phrase.of("problem.dispatch.place-fixed", "警情{0}，不能再改位置", Words.of(i.status())));
        }
        String block = blockAt(p);
        incidents.place(i.id(), p, block, Text.cleanOrNull(address));
        incidents.log(i.id(), "PLACE", i.status().name(), i.status().name(), actor.username(),
                String.format(java.util.Locale.ROOT, "%.6f, %.6f%s", p.lat(), p.lon(), block == null ? "" : " " + block),
                clock.instant());
        var onIt = incidents.assignments(i.id()).stream().filter(Incidents.Assignment::active)
                .map(Incidents.Assignment::unitCode).toList();
        AfterCommit.run(() -> {
            feed.toCentre("incident", Map.of("number", i.number()));
            onIt.forEach(u -> feed.toUnit(u, "order", Map.of("number", i.number())));
        });
        return incidents.get(i.id()).orElseThrow();
    }
}
