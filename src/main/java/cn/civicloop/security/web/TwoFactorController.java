package cn.civicloop.security.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import cn.civicloop.security.internal.SecondFactorLogin;
import cn.civicloop.security.internal.StaffPrincipal;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two-factor login (TOTP): the second step of a page login ({@code /login/totp}, owner: public, answered only for a
 * login that owes its code) and one's own enrolment ({@code /account/totp}, owner: any staff).
 */
@Controller
class TwoFactorController {

    private final SecondFactorLogin logins;

    TwoFactorController(SecondFactorLogin logins) {
        this.logins = logins;
    }

    @GetMapping("/login/totp")
    String step(Model model, HttpServletRequest request) {
        var staff = logins.pending();
        if (staff.isEmpty()) {
            return "redirect:/";
        }
        return stepPage(staff.get(), model, request);
    }

    @PostMapping("/login/totp")
    String code(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
            HttpServletResponse response) throws IOException, ServletException {
        var staff = logins.pending();
        if (staff.isEmpty()) {
            return "redirect:/";
        }
        return switch (logins.complete(code, request, response)) {
            case DONE -> null;
            case LOCKED -> "redirect:/login?locked";
            case WRONG_CODE -> {
                model.addAttribute("error", true);
                response.setStatus(401);
                yield stepPage(staff.get(), model, request);
            }
        };
    }

    private String stepPage(StaffPrincipal staff, Model model, HttpServletRequest request) {
        if (!logins.enrolled(staff)) {
            enrolment(staff, model, request);
        }
        return "security/totp";
    }

    @GetMapping("/account/totp")
    String account(Model model, HttpServletRequest request) {
        StaffPrincipal staff = logins.current().orElseThrow();
        model.addAttribute("account", true);
        model.addAttribute("enrolled", logins.enrolled(staff));
        if (!logins.enrolled(staff)) {
            enrolment(staff, model, request);
        }
        return "security/totp";
    }

    @PostMapping("/account/totp")
    String enrol(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        StaffPrincipal staff = logins.current().orElseThrow();
        if (logins.enrolled(staff)) {
            return "redirect:/account/totp";
        }
        switch (logins.enrolOwn(code, request)) {
            case DONE -> {
                return "redirect:/account/totp?enrolled";
            }
            case LOCKED -> model.addAttribute("locked", true);
            case WRONG_CODE -> model.addAttribute("error", true);
        }
        response.setStatus(422);
        return account(model, request);
    }

    private void enrolment(StaffPrincipal staff, Model model, HttpServletRequest request) {
        String secret = logins.enrollingSecret(request);
        String uri = logins.uri(staff, secret);
        model.addAttribute("secret", secret);
        model.addAttribute("uri", uri);
        model.addAttribute("qr", pngDataUri(uri));
    }

    /** The QR code of the otpauth:// URI, as a data: URI (allowed by the pages' img-src). */
    static String pngDataUri(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2));
            int scale = 5;
            BufferedImage image = new BufferedImage(m.getWidth() * scale, m.getHeight() * scale,
                    BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, m.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR code", e);
        }
    }
}
