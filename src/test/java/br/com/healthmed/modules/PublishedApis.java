package br.com.healthmed.modules;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.core.ApplicationModules;

/**
 * A module publishes what others may use by annotating those types {@code @NamedInterface(...)}; every
 * other type is internal, wherever it sits. Spring Modulith's {@code verify()} enforces that only for a
 * module that lists {@code "x :: api"} in its {@code allowedDependencies}, and it also counts as published
 * every type a published type's public signatures mention (named-interface propagation), so a public
 * constructor taking a store would publish the store. This rule is stricter and needs no declaration:
 * a type of another module may be used only if it, or a type it is nested in, carries the annotation
 * itself. Open modules (platform) are exempt: they are plumbing every module may use.
 */
public final class PublishedApis {

    private PublishedApis() {
    }

    /** One line per (user, used) pair that reaches past a published API; empty when every module keeps to them. */
    public static List<String> reachIns(ApplicationModules modules) {
        TreeSet<String> found = new TreeSet<>();
        for (ApplicationModule module : modules) {
            for (JavaClass type : module.getBasePackage()) { // its sub-packages too
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<ApplicationModule> owner = modules.getModuleByType(target);
                    if (owner.isEmpty() || owner.get().equals(module) || owner.get().isOpen() || published(target)) {
                        continue;
                    }
                    found.add(module.getIdentifier() + " uses " + target.getName() + " (" + owner.get().getIdentifier()
                            + " does not publish it) from " + type.getName());
                }
            }
        }
        return List.copyOf(found);
    }

    /** Published: annotated itself, or nested in a type that is (its records and enums). */
    private static boolean published(JavaClass type) {
        for (JavaClass candidate = type; candidate != null; candidate = candidate.getEnclosingClass().orElse(null)) {
            if (candidate.isAnnotatedWith(NamedInterface.class)) {
                return true;
            }
        }
        return false;
    }
}
