package cn.civicloop.cameras.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Settings of video linkage ({@code civicloop.cameras.*}).
 *
 * @param videoCentre   directory code of the video centre (视频监控中心) whose staff answer footage requests
 * @param radius        metres around a place the panels search for cameras
 * @param maxRadius     the widest radius the API accepts, in metres
 * @param panelSize     cameras a panel lists at most
 * @param answerHours   working hours (business calendar) the video centre has to answer a request
 * @param spanHours     hours before the request the footage asked for starts by default (the span ends at the request)
 * @param cellDegrees   cell size of the in-memory grid of the nearest-camera search, in degrees
 * @param listSize      rows per page of the registry's list and of the request lists
 * @param seedDemo      load the demo cameras into an empty registry at start
 */
@ConfigurationProperties("civicloop.cameras")
@Validated
public record CamerasProperties(
        @DefaultValue("SPJK") @NotBlank String videoCentre,
        @DefaultValue("500") @Min(10) @Max(20000) int radius,
        @DefaultValue("5000") @Min(10) @Max(50000) int maxRadius,
        @DefaultValue("10") @Min(1) @Max(100) int panelSize,
        @DefaultValue("8") @Min(1) @Max(480) int answerHours,
        @DefaultValue("2") @Min(1) @Max(720) int spanHours,
        @DefaultValue("0.01") @DecimalMin("0.0005") @DecimalMax("1") double cellDegrees,
        @DefaultValue("100") @Min(1) @Max(1000) int listSize,
        @DefaultValue("false") boolean seedDemo) {
}
