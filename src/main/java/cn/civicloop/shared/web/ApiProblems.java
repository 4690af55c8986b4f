package cn.civicloop.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
        return problem(status, ex.getMessage(), ex.fieldProblems(), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex, WebRequest request) {
        return problem(HttpStatus.CONFLICT, "记录已被他人修改，请刷新后重试 (changed concurrently, reload and retry)",
                List.of(), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException ex, WebRequest request) {
        log.warn("Integrity violation turned into 409: {}", ex.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "数据冲突 (conflicts with existing data)", List.of(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "参数格式错误 (malformed parameter)",
                List.of(new FieldProblem(ex.getName(), "无效的值 (invalid value)")), request);
    }

    /** A multipart body Tomcat cannot parse (e.g. a NUL in a file name); too large is handled as 413 below. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformedMultipart(MultipartException ex, WebRequest request) {
        if (ex instanceof MaxUploadSizeExceededException tooLarge) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "上传文件过大 (an uploaded file is too large)", List.of(), request);
        }
        return problem(HttpStatus.BAD_REQUEST, "上传内容格式错误 (malformed multipart request)", List.of(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误 (internal error)", List.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(e -> problems.add(new FieldProblem(e.getField(), e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> problems.add(new FieldProblem(e.getObjectName(), e.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, "请求字段无效 (invalid fields)", problems, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> problems.add(
                new FieldProblem(r.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
        return problem(HttpStatus.BAD_REQUEST, "请求参数无效 (invalid parameters)", problems, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            problems.add(new FieldProblem(fieldPath(jackson), "类型或格式错误 (wrong type or format)"));
        }
        return problem(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON (malformed request body)", problems, request);
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
