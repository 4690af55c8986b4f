package cn.civicloop.notify.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.civicloop.notify.ResidentChannel;

/**
 * The resident channels of this instance by name, and the one new messages go through. A message is sent through
 * the channel it was queued for: switching the setting does not re-route messages already waiting, and an
 * instance without that channel leaves them to one that has it.
 */
@Component
class ResidentChannels {

    private final Map<String, ResidentChannel> byName;
    private final String selected;

    ResidentChannels(List<ResidentChannel> channels, NotifyProperties properties) {
        this.byName = channels.stream().collect(Collectors.toMap(ResidentChannel::name, Function.identity()));
        this.selected = properties.residentChannel();
        if (!byName.containsKey(selected)) {
            throw new IllegalStateException("civicloop.notify.resident-channel=" + selected + " is not available "
                    + byName.keySet() + (selected.equals("webhook") ? "; set civicloop.notify.webhook.url" : ""));
        }
    }

    String selected() {
        return selected;
    }

    Set<String> names() {
        return byName.keySet();
    }

    Optional<ResidentChannel> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
