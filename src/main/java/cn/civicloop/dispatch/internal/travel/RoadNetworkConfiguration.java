package cn.civicloop.dispatch.internal.travel;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import cn.civicloop.dispatch.internal.DispatchProperties;

/**
 * Travel times from the road network, only when an OSM extract is configured
 * ({@code civicloop.dispatch.road-network.osm-file}); otherwise the dispatch module's straight-line model serves.
 * {@link Primary} so that it wins even if the straight-line bean is also created.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "civicloop.dispatch.road-network", name = "osm-file")
@EnableConfigurationProperties(DispatchProperties.class)
class RoadNetworkConfiguration {

    @Bean(destroyMethod = "close")
    @Primary
    RoadNetworkTravelTimes roadNetworkTravelTimes(DispatchProperties properties) {
        RoadNetworkTravelTimes model = new RoadNetworkTravelTimes(properties.roadNetwork(),
                new StraightLineTravelTimes(properties.straightLine()));
        model.startLoading();
        return model;
    }
}
