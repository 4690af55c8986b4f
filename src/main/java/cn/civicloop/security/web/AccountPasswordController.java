package cn.civicloop.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.security.Actors;
import cn.civicloop.security.internal.TokenLogin;
import cn.civicloop.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A staff member changes his own password (owner: any staff). The only page open to someone whose password is an
 * initial or reset one. A change ends all his sessions, this one included: he logs in again with the new password.
 */
@Controller
class AccountPasswordController {

    private final TokenLogin logins;

    AccountPasswordController(TokenLogin logins) {
        this.logins = logins;
    }

    @GetMapping("/account/password")
    String form() {
        return "security/password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirm, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (!newPassword.equals(confirm)) {
            model.addAttribute("error", "mismatch");
            response.setStatus(422);
            return "security/password";
        }
        try {
            logins.changeOwnPassword(Actors.current().username(), password, newPassword, request);
        } catch (DomainException e) {
            model.addAttribute("error", "refused");
            model.addAttribute("reason", cn.civicloop.shared.web.RefusalText.of(e));
            response.setStatus(422);
            return "security/password";
        }
        request.getSession().invalidate();
        return "redirect:/login?changed";
    }

}
