package cn.civicloop.media.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;
import cn.civicloop.media.internal.Item;
import cn.civicloop.media.internal.Items;
import cn.civicloop.media.internal.WatchList;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.web.RefusalText;

/**
 * The media centre's page (alerts, watch list, items, a new item) and an item's page, where the supervised
 * department responds and the media centre publishes. A refused step shows the page again with the reason and
 * what was typed; nothing is saved.
 */
@Controller
class MediaPageController {

    private final Items items;
    private final WatchList watch;
    private final Directory directory;

    MediaPageController(Items items, WatchList watch, Directory directory) {
        this.items = items;
        this.watch = watch;
        this.directory = directory;
    }

    @GetMapping("/media")
    String page(Model model) {
        return media(model, Map.of(), null);
    }

    @PostMapping("/media/items")
    String open(@RequestParam Map<String, String> p, Model model) {
        try {
            Long department = p.get("departmentId") == null || p.get("departmentId").isBlank() ? null
                    : Long.valueOf(p.get("departmentId"));
            Item item = items.open(new Items.NewItem(p.get("caseNumber"), department, p.get("title"), p.get("body")),
                    Actors.current());
            return "redirect:/media/items/" + item.id();
        } catch (DomainException e) {
            return media(model, p, RefusalText.of(e));
        } catch (NumberFormatException e) {
            return media(model, p, null);
        }
    }

    @PostMapping("/media/watch")
    String watch(@RequestParam Map<String, String> p, Model model) {
        try {
            watch.add(p.get("caseNumber"), p.get("note"), Actors.current());
            return "redirect:/media";
        } catch (DomainException e) {
            return media(model, p, RefusalText.of(e));
        }
    }

    @GetMapping("/media/items/{id}")
    String item(@PathVariable long id, Model model) {
        return item(id, model, null, null);
    }

    @PostMapping("/media/items/{id}/response")
    String respond(@PathVariable long id, @RequestParam Map<String, String> p, Model model) {
        try {
            items.respond(id, version(p), p.get("text"), Actors.current());
            return "redirect:/media/items/" + id;
        } catch (DomainException e) {
            return item(id, model, RefusalText.of(e), p.get("text"));
        }
    }

    @PostMapping("/media/items/{id}/publish")
    String publish(@PathVariable long id, @RequestParam Map<String, String> p, Model model) {
        try {
            items.publish(id, version(p), p.get("reason"), Actors.current());
            return "redirect:/media/items/" + id;
        } catch (DomainException e) {
            return item(id, model, RefusalText.of(e), null);
        }
    }

    private String media(Model model, Map<String, String> values, String error) {
        model.addAttribute("alerts", watch.alerts());
        model.addAttribute("watched", watch.watched());
        model.addAttribute("items", items.listFor(Actors.current()));
        model.addAttribute("departments", directory.departments().stream().filter(d -> d.parentId() == null).toList());
        model.addAttribute("values", values);
        model.addAttribute("error", error);
        model.addAttribute("names", items);
        return "media/media";
    }

    private String item(long id, Model model, String error, String typed) {
        Actor actor = Actors.current();
        Item item = items.readable(id, actor);
        model.addAttribute("item", item);
        model.addAttribute("departmentName", items.departmentName(item.departmentId()));
        model.addAttribute("history", items.history(id, actor));
        model.addAttribute("mayRespond", (actor.has(Role.HANDLER) || actor.has(Role.DEPT_HEAD))
                && item.respondedAt() == null && !actor.has(Role.MEDIA_OFFICER));
        model.addAttribute("mayPublish", actor.has(Role.MEDIA_OFFICER));
        model.addAttribute("error", error);
        model.addAttribute("typed", typed);
        return "media/item";
    }

    private static Integer version(Map<String, String> p) {
        String v = p.get("version");
        return v == null || !v.matches("\\d{1,9}") ? null : Integer.valueOf(v);
    }
}
