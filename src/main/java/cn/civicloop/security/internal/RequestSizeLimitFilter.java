package cn.civicloop.security.internal;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.web.Refusals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses an oversized body from its declared length, before a byte of it is parsed: a JSON or form body over
 * {@code civicloop.security.max-body-size}, a multipart upload over {@code spring.servlet.multipart.max-request-size}.
 * (A single file over {@code max-file-size} is refused while parsing, see ApiProblems and the upload limits of
 * the cases module.) Without this, the CSRF filter would read an oversized form first and answer 403. A spreadsheet
 * body (CSV, .xlsx) sent to one of {@code civicloop.security.streamed-upload-paths} passes: that endpoint streams it
 * and keeps its own limit; anywhere else it is held to the JSON limit like any other body.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxMultipart;
    private final List<String> streamedUploadPaths;
    private final AntPathMatcher paths = new AntPathMatcher();

    RequestSizeLimitFilter(DataSize maxBody, DataSize maxMultipart, List<String> streamedUploadPaths) {
        this.maxBody = maxBody.toBytes();
        this.maxMultipart = maxMultipart.toBytes();
        this.streamedUploadPaths = List.copyOf(streamedUploadPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        if (streamed(type) && streamedUploadPath(request)) {
            chain.doFilter(request, response);
            return;
        }
        long limit = multipart ? maxMultipart : maxBody;
        if (length > limit) {
            response.setHeader("Connection", "close");
            Refusals.write(request, response, HttpStatus.CONTENT_TOO_LARGE, Phrase.of(
                    "problem.security.request-too-large", "请求内容过大：最多 {0}，本次 {1}", mb(limit), mb(length)));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A spreadsheet body (CSV or .xlsx) is never parsed here: the endpoint that takes it reads it as a stream and
     * refuses it at its own, larger limit (the import of historical work orders, up to gigabytes).
     */
    static boolean streamed(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("text/csv") || type.startsWith(XLSX);
    }

    private boolean streamedUploadPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return streamedUploadPaths.stream().anyMatch(p -> paths.match(p, path));
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static String mb(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1048576.0) : (bytes / 1024) + " KB";
    }
}
