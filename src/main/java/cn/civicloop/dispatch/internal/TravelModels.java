package cn.civicloop.dispatch.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.civicloop.dispatch.internal.travel.StraightLineTravelTimes;
import cn.civicloop.dispatch.internal.travel.TravelTimeModel;

/**
 * The travel-time model in service: the road network when a {@link TravelTimeModel} bean exists (registered when
 * {@code civicloop.dispatch.road-network.osm-file} is set), else the straight line × detour factor ÷ speed
 * ({@code civicloop.dispatch.straight-line.*}, the same settings the road-network model falls back to).
 * Looked up through a provider, so the choice does not depend on the order in which configurations are read.
 */
@Component
public class TravelModels {

    private final ObjectProvider<TravelTimeModel> beans;
    private final TravelTimeModel straightLine;

    TravelModels(ObjectProvider<TravelTimeModel> beans, DispatchProperties properties) {
        this.beans = beans;
        this.straightLine = new StraightLineTravelTimes(properties.straightLine());
    }

    public TravelTimeModel current() {
        return beans.getIfAvailable(() -> straightLine);
    }
}
