package cn.civicloop.open311.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Settings of the Open311 server ({@code civicloop.open311.*}).
 *
 * @param demoClient      the {@code demo} and {@code test} profiles only: seed the demo client with the key published
 *                        in docs/demo-data.md
 * @param jurisdictionId  the one jurisdiction served; a request naming another is answered 404
 * @param contact         who to ask about the server, in the discovery document
 * @param defaultPageSize requests per page of GET requests when the client names no page_size
 * @param maxPageSize     the largest page_size accepted; larger is refused (400), not cut
 * @param maxPage         the last page accepted: pages are counted within the 90-day window, a client wanting
 *                        more narrows the window
 * @param maxIds          the most service_request_id values in one GET requests
 * @param publicUrl       the server's address as clients reach it (https://12345.example.gov.cn), for the discovery
 *                        document; empty: the endpoint is given as a path, never built from a request's Host header
 */
@ConfigurationProperties("civicloop.open311")
@Validated
public record Open311Properties(@DefaultValue("false") boolean demoClient,
        @DefaultValue("zaozhuang-shizhong") @NotBlank String jurisdictionId,
        @DefaultValue("市中区社会治理服务中心 12345") @NotBlank String contact,
        @DefaultValue("100") @Min(1) @Max(1000) int defaultPageSize,
        @DefaultValue("200") @Min(1) @Max(1000) int maxPageSize,
        @DefaultValue("100") @Min(1) int maxPage,
        @DefaultValue("100") @Min(1) @Max(1000) int maxIds,
        @DefaultValue("") String publicUrl) {
}
