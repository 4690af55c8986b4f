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
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors that never reach a controller (a URL the firewall or Tomcat refuses, a 404 for a static path) end on
 * /error. Browsers still get the HTML error page; everyone else gets an RFC 9457 problem document like every other
 * refusal of the API, instead of Spring Boot's own JSON shape.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes errorAttributes, WebProperties web,
            List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, web.getError(), errorViewResolvers);
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
        body.put("detail", detail(status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            body.put("instance", uri.toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求格式错误，地址或参数包含不允许的字符 (malformed request)";
            case UNAUTHORIZED -> "需要登录 (login required)";
            case FORBIDDEN -> "无权访问 (not allowed)";
            case NOT_FOUND -> "地址不存在 (no such resource)";
            case METHOD_NOT_ALLOWED -> "不支持该请求方法 (method not allowed)";
            case CONTENT_TOO_LARGE -> "请求内容过大 (request too large)";
            default -> status.is5xxServerError() ? "服务器内部错误 (internal error)" : status.getReasonPhrase();
        };
    }
}
