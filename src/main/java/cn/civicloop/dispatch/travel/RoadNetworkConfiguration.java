package cn.civicloop.dispatch.travel;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Travel times from the road network, only when an OSM extract is configured
 * ({@code civicloop.dispatch.road-network.osm-file}); otherwise the dispatch module's straight-line model serves.
 * {@link Primary} so that it wins even if the straight-line bean is also created.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "civicloop.dispatch.road-network", name = "osm-file")
@EnableConfigurationProperties({ RoadNetworkProperties.class, StraightLineProperties.class })
class RoadNetworkConfiguration {

    @Bean(destroyMethod = "close")
    @Primary
    RoadNetworkTravelTimes roadNetworkTravelTimes(RoadNetworkProperties properties, StraightLineProperties straightLine) {
        RoadNetworkTravelTimes model = new RoadNetworkTravelTimes(properties, new StraightLineTravelTimes(straightLine));
        model.startLoading();
        return model;
    }
}
