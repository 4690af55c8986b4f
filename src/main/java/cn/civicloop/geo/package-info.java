/**
 * Geography (地理): answers "where is this?" for the rest of CivicLoop — which grid (网格), community (社区/村) and
 * street or town (街道/镇) a WGS84 point lies in, whether it lies inside the district at all, the area polygons as
 * GeoJSON for maps, and conversion from the GCJ-02 datum that Chinese map SDKs (AMap, Tencent, WeChat) report.
 * <p>
 * It must not know about appeals, residents, staff or organisations, must not store or change anything (the areas are
 * read-only, loaded once at startup from GeoJSON) and must not call any other module (only the shared kernel): other
 * modules depend on it, never the reverse. Its one endpoint, the area maps ({@code /geo/{level}.geojson}), is public.
 * Everything outside this package ({@code internal}, {@code web}) is an implementation detail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Geography (地理)", allowedDependencies = {})
package cn.civicloop.geo;
