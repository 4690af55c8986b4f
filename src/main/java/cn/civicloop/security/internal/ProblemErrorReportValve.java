package cn.civicloop.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.web.RefusalText;
import cn.civicloop.shared.web.RequestLanguage;

/**
 * Tomcat refuses some requests before any filter or servlet sees them (a URL with an encoded NUL or broken
 * percent-encoding, a malformed request line) and writes its own HTML page with its version in it. This valve
 * writes the same RFC 9457 problem document as the application's other refusals instead. Public, with a no-arg
 * constructor: Tomcat instantiates it by class name (see TomcatRefusals).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            String detail = RefusalText.in(status >= 500 ? Phrase.of("problem.shared.internal-error", "服务器内部错误")
                    : Phrase.of("problem.shared.malformed-request", "请求格式错误，地址或参数包含不允许的字符"),
                    RequestLanguage.of(request));
            String body = "{\"type\":\"about:blank\",\"title\":\"" + (status >= 500 ? "Internal Server Error" : "Bad Request")
                    + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already in another state: nothing more to tell
        }
    }
}
