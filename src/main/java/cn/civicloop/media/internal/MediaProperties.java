package cn.civicloop.media.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Settings of media supervision ({@code civicloop.media.*}).
 *
 * @param overduePercent    an escalation step of a case's handling clock at or past this share of its limit raises
 *                          an overdue alert (100: at the deadline; 150: half a limit past it)
 * @param returnedTimes     returns (退单) of one case that raise an alert
 * @param reworkedTimes     sendings back (驳回返工, 回访不满意重办) of one case that raise an alert
 * @param dissatisfiedTimes dissatisfied follow-up answers of one case that raise an alert
 * @param responseDays      working days the department has to respond publicly to a supervision item
 * @param listSize          alerts and items per page of the media centre's lists
 */
@ConfigurationProperties("civicloop.media")
@Validated
public record MediaProperties(
        @DefaultValue("100") @Min(1) @Max(1000) int overduePercent,
        @DefaultValue("2") @Min(1) int returnedTimes,
        @DefaultValue("1") @Min(1) int reworkedTimes,
        @DefaultValue("2") @Min(1) int dissatisfiedTimes,
        @DefaultValue("3") @Min(1) @Max(60) int responseDays,
        @DefaultValue("50") @Min(1) @Max(500) int listSize) {
}
