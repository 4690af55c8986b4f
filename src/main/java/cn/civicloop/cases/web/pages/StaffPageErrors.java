package cn.civicloop.cases.web.pages;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.web.RefusalText;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal on a staff page is a readable page (403 / 404) naming no case data, not the API's problem document.
 * Ordered before the API's advice, and only for the page controllers of this package.
 */
@ControllerAdvice(assignableTypes = { CasePageController.class, WorkbenchPageController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffPageErrors {

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException e, Model model, HttpServletResponse response, java.util.Locale locale) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("message", RefusalText.in(e, locale));
        return "cases/forbidden";
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response, java.util.Locale locale) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("message", RefusalText.in(e, locale));
        return "cases/forbidden";
    }
}
