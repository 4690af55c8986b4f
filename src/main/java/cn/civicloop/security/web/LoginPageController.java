package cn.civicloop.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff login form (owner: public); Spring Security's form login takes its POST. */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login() {
        return "security/login";
    }
}
