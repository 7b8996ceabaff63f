package br.com.healthmed.modules;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The rule Spring Modulith's own {@code verify()} leaves out: a type in another module's base package
 * is not for everyone just because it is public there. A module publishes what others may use by
 * annotating those types {@code @NamedInterface("api")}; every other type is internal, wherever it
 * sits. Open modules (platform) are exempt: they are plumbing every module may use.
 *
 * <p>It walks ArchUnit's direct dependencies (fields, signatures, calls, annotations, generics), not
 * only the ones Modulith's model keeps, so a reference in a method body counts too.
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
                    if (owner.isEmpty() || owner.get().equals(module) || owner.get().isOpen() || published(owner.get(), target)) {
                        continue;
                    }
                    found.add(module.getIdentifier() + " uses " + target.getName() + " (" + owner.get().getIdentifier()
                            + " does not publish it) from " + type.getName());
                }
            }
        }
        return List.copyOf(found);
    }

    /** Published: in an explicit named interface, or nested in a type that is (its records and enums). */
    private static boolean published(ApplicationModule owner, JavaClass type) {
        for (JavaClass candidate = type; candidate != null; candidate = candidate.getEnclosingClass().orElse(null)) {
            if (owner.getNamedInterfaces().containsInExplicitInterface(candidate)) {
                return true;
            }
        }
        return false;
    }
}
