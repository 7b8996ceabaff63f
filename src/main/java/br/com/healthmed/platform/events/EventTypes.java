package br.com.healthmed.platform.events;

import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The concrete classes a subscriber of {@code type} can receive, by name: {@code type} itself when it
 * is concrete (a record), or every concrete class a sealed {@code type} permits. An event travels
 * with its class name; only these names are ever turned back into objects, so a message on Redis can
 * never make a subscriber instantiate a class it did not ask for.
 */
final class EventTypes<T> {

    private final Class<T> type;
    private final Map<String, Class<? extends T>> byName;

    private EventTypes(Class<T> type, Map<String, Class<? extends T>> byName) {
        this.type = type;
        this.byName = byName;
    }

    static <T> EventTypes<T> of(Class<T> type) {
        Map<String, Class<? extends T>> byName = new HashMap<>();
        collect(type, type, byName);
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("Events travel as JSON: subscribe with a concrete class (a record) or a sealed "
                    + "interface whose permitted classes are concrete, not " + type.getName());
        }
        return new EventTypes<>(type, Map.copyOf(byName));
    }

    private static <T> void collect(Class<T> root, Class<?> candidate, Map<String, Class<? extends T>> byName) {
        if (candidate.isSealed()) {
            for (Class<?> permitted : candidate.getPermittedSubclasses()) {
                collect(root, permitted, byName);
            }
        }
        if (!candidate.isInterface() && !Modifier.isAbstract(candidate.getModifiers())) {
            byName.put(candidate.getName(), candidate.asSubclass(root));
        }
    }

    Optional<Class<? extends T>> named(String className) {
        return Optional.ofNullable(byName.get(className));
    }

    Class<T> type() {
        return type;
    }
}
