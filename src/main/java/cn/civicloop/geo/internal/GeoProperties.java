package cn.civicloop.geo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings of the geography module ({@code civicloop.geo.*}).
 *
 * @param areas the district's areas (district, streets/towns, communities, grids) as one GeoJSON file, read once at
 *              start-up; the default is the generated demo district
 */
@ConfigurationProperties("civicloop.geo")
@Validated
record GeoProperties(@NotNull @DefaultValue("classpath:geo/demo-district.geojson") Resource areas) {
}
