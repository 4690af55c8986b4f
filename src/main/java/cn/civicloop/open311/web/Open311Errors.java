package cn.civicloop.open311.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.web.RefusalText;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Refusals of the Open311 server in the spec's form — an array of {@code code} and {@code description}, one per
 * problem, in the format asked for — with the statuses it names: 404 for what does not exist, 403 for a missing or
 * wrong api_key, 400 for anything else the client can fix. The rest of the application answers RFC 9457 problems.
 * A description is in the request's language: {@code Accept-Language} as for the API, Chinese without one (ADR 0066).
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    private final Open311Messages messages;

    Open311Errors(Open311Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<String> refused(DomainException e, HttpServletRequest request) {
        HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : e instanceof ForbiddenException ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        Locale language = LocaleContextHolder.getLocale();
        List<Map<String, Object>> errors = e.fieldProblems().isEmpty()
                ? List.of(error(status, RefusalText.in(e, language)))
                : e.fieldProblems().stream()
                        .map(p -> error(status, p.field() + ": " + RefusalText.in(p, language))).toList();
        return Open311Writer.list(Open311Format.of(request), status, "errors", "error", errors);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e, HttpServletRequest request) {
        log.error("Open311 call {} failed", request.getRequestURI(), e);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return Open311Writer.list(Open311Format.of(request), status, "errors", "error",
                List.of(error(status, messages.get("open311.error.general"))));
    }

    private static Map<String, Object> error(HttpStatus status, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("description", description);
        return error;
    }
}
