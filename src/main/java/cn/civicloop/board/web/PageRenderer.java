package cn.civicloop.board.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Renders a template to bytes, within the request (links, language and the beans the template calls work as on any
 * page), without writing the response: the caller decides what to serve and how long it may be kept.
 */
@Component
class PageRenderer {

    private final ThymeleafViewResolver views;

    PageRenderer(ThymeleafViewResolver views) {
        this.views = views;
    }

    byte[] render(String template, Map<String, ?> model, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            View view = views.resolveViewName(template, locale);
            if (view == null) {
                throw new IllegalStateException("no template " + template);
            }
            ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
            view.render(model, request, capture);
            return capture.getContentAsByteArray();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the page " + template + " could not be rendered", e);
        }
    }
}
