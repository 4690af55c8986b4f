package cn.civicloop.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.DomainException.FieldProblem;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.PayloadTooLargeException;
import cn.civicloop.shared.UnauthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;

/**
 * Turns every refusal into an RFC 9457 problem document. Field-level problems go into an {@code errors} array
 * of {@code {field, reason}} so that a form can show each message next to its input.
 * A 500 is a bug: it is logged with the stack trace and the client sees no internals.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException ex, WebRequest request) {
        HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
        if (ex instanceof NotFoundException) {
            status = HttpStatus.NOT_FOUND;
        } else if (ex instanceof ConflictException) {
            status = HttpStatus.CONFLICT;
        } else if (ex instanceof ForbiddenException) {
            status = HttpStatus.FORBIDDEN;
        } else if (ex instanceof PayloadTooLargeException) {
            status = HttpStatus.CONTENT_TOO_LARGE;
        } else if (ex instanceof UnauthenticatedException) {
            status = HttpStatus.UNAUTHORIZED;
        }
        Locale locale = LocaleContextHolder.getLocale();
        return problem(status, RefusalText.in(ex, locale), ex.fieldProblems().stream()
                .map(p -> new FieldProblem(p.field(), RefusalText.in(p, locale))).toList(), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex, WebRequest request) {
        return problem(HttpStatus.CONFLICT, Phrase.of("problem.shared.changed-concurrently", "记录已被他人修改，请刷新后重试"),
                List.of(), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException ex, WebRequest request) {
        log.warn("Integrity violation turned into 409: {}", ex.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, Phrase.of("problem.shared.conflict", "数据冲突"), List.of(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, Phrase.of("problem.shared.malformed-parameter", "参数格式错误"),
                List.of(new FieldProblem(ex.getName(), text(Phrase.of("problem.shared.invalid-value", "无效的值")))),
                request);
    }

    /** A multipart body Tomcat cannot parse (e.g. a NUL in a file name); too large is handled as 413 below. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformedMultipart(MultipartException ex, WebRequest request) {
        if (ex instanceof MaxUploadSizeExceededException tooLarge) {
            return problem(HttpStatus.CONTENT_TOO_LARGE,
                    Phrase.of("problem.shared.upload-too-large", "上传文件过大"), List.of(), request);
        }
        return problem(HttpStatus.BAD_REQUEST,
                Phrase.of("problem.shared.malformed-multipart", "上传内容格式错误"), List.of(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR,
                Phrase.of("problem.shared.internal-error", "服务器内部错误"), List.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(e -> problems.add(new FieldProblem(e.getField(), RefusalText.of(e.getDefaultMessage()))));
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> problems.add(new FieldProblem(e.getObjectName(), RefusalText.of(e.getDefaultMessage()))));
        return problem(HttpStatus.BAD_REQUEST, Phrase.of("problem.shared.invalid-fields", "请求字段无效"), problems,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> problems.add(
                new FieldProblem(r.getMethodParameter().getParameterName(), RefusalText.of(e.getDefaultMessage())))));
        return problem(HttpStatus.BAD_REQUEST, Phrase.of("problem.shared.invalid-parameters", "请求参数无效"), problems,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            problems.add(new FieldProblem(fieldPath(jackson),
                    text(Phrase.of("problem.shared.wrong-type", "类型或格式错误"))));
        }
        return problem(HttpStatus.BAD_REQUEST, Phrase.of("problem.shared.malformed-json", "请求体不是有效的 JSON"),
                problems, request);
    }

    private static String fieldPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A phrase in the request's language. */
    private static String text(Phrase phrase) {
        return RefusalText.of(phrase);
    }

    private ResponseEntity<Object> problem(HttpStatus status, Phrase detail, List<FieldProblem> problems,
            WebRequest request) {
        return problem(status, text(detail), problems, request);
    }

    /** @param detail and each problem's reason already in the request's language */
    private ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldProblem> problems,
            WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        if (!problems.isEmpty()) {
            body.setProperty("errors", problems.stream()
                    .map(p -> Map.of("field", p.field(), "reason", p.reason())).toList());
        }
        return handleExceptionInternal(new ProblemCarrier(detail), body, new HttpHeaders(), status, request);
    }

    /**
     * A person's browser asking for a page (not the API, not an htmx fragment) gets the site's error page in its
     * language instead of the problem document: the refusal's reason travels to {@link ProblemErrorController}.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof org.springframework.web.ErrorResponse error) {
            // Spring's own refusals (a ResponseStatusException, 405, 415…) make their body only now
            body = error.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem && problem.getDetail() != null) {
            // Spring's own refusals and any reason still written "中文 (English)": one language per answer
            problem.setDetail(RefusalText.of(problem.getDetail()));
        }
        if (request instanceof ServletWebRequest web && web.getResponse() != null && isPage(web.getRequest())
                && !web.getResponse().isCommitted()) {
            String detail = body instanceof ProblemDetail problem ? problem.getDetail() : null;
            if (detail != null && statusCode.value() < 500) {
                web.getRequest().setAttribute(ProblemErrorController.REFUSAL, detail);
            }
            headers.forEach((name, values) -> values.forEach(v -> web.getResponse().addHeader(name, v)));
            try {
                web.getResponse().sendError(statusCode.value());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    static boolean isPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith("/api/") && request.getHeader("HX-Request") == null
                && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    /** Lets us reuse the base class's content negotiation and logging for our own problems. */
    private static final class ProblemCarrier extends Exception {
        ProblemCarrier(String message) {
            super(message, null, false, false);
        }
    }
}
