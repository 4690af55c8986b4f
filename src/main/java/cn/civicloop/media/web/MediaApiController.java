package cn.civicloop.media.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.media.internal.Item;
import cn.civicloop.media.internal.ItemStore;
import cn.civicloop.media.internal.Items;
import cn.civicloop.media.internal.WatchList;
import cn.civicloop.security.Actors;

/** The media supervision API: alerts, watch list, supervision items and their responses. */
@RestController
@RequestMapping("/api/v1/media")
class MediaApiController {

    private final Items items;
    private final WatchList watch;

    MediaApiController(Items items, WatchList watch) {
        this.items = items;
        this.watch = watch;
    }

    /** A response or a publication, with the version read (optional; a stale one is refused with 409). */
    record Step(String text, String reason, Integer version) {
    }

    record WatchRequest(String caseNumber, String note) {
    }

    @GetMapping("/alerts")
    List<WatchList.AlertLine> alerts() {
        return watch.alerts();
    }

    @GetMapping("/watch")
    List<WatchList.Watched> watched() {
        return watch.watched();
    }

    @PostMapping("/watch")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> watch(@RequestBody WatchRequest body) {
        watch.add(body.caseNumber(), body.note(), Actors.current());
        return Map.of("caseNumber", body.caseNumber());
    }

    @DeleteMapping("/watch/{number}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unwatch(@PathVariable String number) {
        watch.remove(number, Actors.current());
    }

    @GetMapping("/items")
    List<Item> list() {
        return items.listFor(Actors.current());
    }

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    Item open(@RequestBody Items.NewItem body) {
        return items.open(body, Actors.current());
    }

    @GetMapping("/items/{id}")
    Map<String, Object> item(@PathVariable long id) {
        Item item = items.readable(id, Actors.current());
        List<ItemStore.Entry> history = items.history(id, Actors.current());
        return Map.of("item", item, "departmentName", items.departmentName(item.departmentId()), "history", history);
    }

    @PostMapping("/items/{id}/response")
    Item respond(@PathVariable long id, @RequestBody Step body) {
        return items.respond(id, body.version(), body.text(), Actors.current());
    }

    @PostMapping("/items/{id}/publish")
    Item publish(@PathVariable long id, @RequestBody(required = false) Step body) {
        return items.publish(id, body == null ? null : body.version(), body == null ? null : body.reason(),
                Actors.current());
    }
}
