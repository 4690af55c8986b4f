package cn.civicloop.opinion.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Settings of the "1+N" linked response ({@code civicloop.opinion.response.*}): the directory codes of the standing
 * partners and the default time for a task.
 *
 * @param conductDepartment 纪委监委: a topic about officials' conduct goes there, restricted
 * @param policeDepartment  公安
 * @param onlineDepartment  网信/宣传: approves the public answer
 * @param mediaDepartment   融媒体中心
 * @param workingDays       a task's default deadline in working days of the business calendar
 */
@ConfigurationProperties("civicloop.opinion.response")
@Validated
public record ResponseProperties(
        @DefaultValue("JWJ") String conductDepartment,
        @DefaultValue("GAJ") String policeDepartment,
        @DefaultValue("WXB") String onlineDepartment,
        @DefaultValue("RMT") String mediaDepartment,
        @DefaultValue("3") @Min(0) @Max(60) int workingDays) {
}
