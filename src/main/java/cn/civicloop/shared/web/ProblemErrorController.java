package cn.civicloop.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.civicloop.shared.Phrase;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors that never reach a controller (a URL the firewall or Tomcat refuses, a 404 for a static path, a missing or
 * expired CSRF token, a role refused by the URL rules) and refusals of page requests end on /error. A browser gets
 * the site's error page in its language ({@code shared/error}) with a way back, never Spring's Whitelabel page;
 * everyone else gets an RFC 9457 problem document like every other refusal of the API.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes errorAttributes, WebProperties web,
            List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, web.getError(), errorViewResolvers);
    }

    /** Request attribute carrying a refusal's own message to the error page (see {@link ApiProblems}). */
    static final String REFUSAL = ProblemErrorController.class.getName() + ".refusal";

    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = getStatus(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.toString().startsWith("/api/")) {
            // an API path keeps its problem document whatever the client accepts
            Refusals.writeProblem(response, status, detail(status, RequestLanguage.of(request)), uri.toString());
            return null;
        }
        boolean csrf = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
        String key = csrf ? "csrf" : switch (status) {
            case BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, CONFLICT, CONTENT_TOO_LARGE,
                    UNPROCESSABLE_CONTENT, TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE -> String.valueOf(status.value());
            default -> status.is5xxServerError() ? "500" : "400";
        };
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status.value());
        model.put("errorKey", key);
        Object refusal = request.getAttribute(REFUSAL);
        if (refusal != null) {
            model.put("detail", RefusalText.in(refusal.toString(), RequestContextUtils.getLocale(request)));
        }
        model.put("back", localReferer(request));
        response.setStatus(status.value());
        return new ModelAndView("shared/error", model, status);
    }

    /** The page the person came from, when it is a page of this site (never another site's address). */
    private static String localReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            java.net.URI ref = java.net.URI.create(referer);
            if (ref.getHost() == null || !ref.getHost().equalsIgnoreCase(request.getServerName())
                    || ref.getPort() != request.getServerPort() || ref.getRawPath() == null
                    || !ref.getRawPath().startsWith("/")) {
                return null;
            }
            return ref.getRawPath() + (ref.getRawQuery() == null ? "" : "?" + ref.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail(status, RequestLanguage.of(request)));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            body.put("instance", uri.toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** The reason of an error no controller refused, in the request's language. */
    private static String detail(HttpStatus status, java.util.Locale locale) {
        Phrase phrase = switch (status) {
            case BAD_REQUEST -> Phrase.of("problem.shared.malformed-request", "请求格式错误，地址或参数包含不允许的字符");
            case UNAUTHORIZED -> Phrase.of("problem.shared.login-required", "需要登录");
            case FORBIDDEN -> Phrase.of("problem.shared.not-allowed", "无权访问");
            case NOT_FOUND -> Phrase.of("problem.shared.no-such-resource", "地址不存在");
            case METHOD_NOT_ALLOWED -> Phrase.of("problem.shared.method-not-allowed", "不支持该请求方法");
            case CONTENT_TOO_LARGE -> Phrase.of("problem.shared.request-too-large", "请求内容过大");
            default -> status.is5xxServerError() ? Phrase.of("problem.shared.internal-error", "服务器内部错误") : null;
        };
        return phrase == null ? status.getReasonPhrase() : RefusalText.in(phrase, locale);
    }
}
