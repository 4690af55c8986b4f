package cn.civicloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure is part of the design: verified on every build, and documented from the code. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CivicLoopApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyTopLevelPackageIsAModuleThatDeclaresWhatItMayUse() throws Exception {
        Set<String> packages = topLevelPackages();
        assertThat(modules.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrderElementsOf(packages);
        for (String name : packages) {
            Package pkg = Class.forName("cn.civicloop." + name + ".package-info").getPackage();
            org.springframework.modulith.ApplicationModule declared =
                    pkg.getAnnotation(org.springframework.modulith.ApplicationModule.class);
            assertThat(declared).as("%s has an @ApplicationModule package-info", name).isNotNull();
            if (declared.type() != org.springframework.modulith.ApplicationModule.Type.OPEN) {
                // the annotation's default lets a module use anything: each module must say what it may use
                assertThat(declared.allowedDependencies()).as("%s declares its allowed dependencies", name)
                        .doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
            }
        }
    }

    /** Every package directly under cn.civicloop, read from the sources (compiled folders may hold stale ones). */
    private static Set<String> topLevelPackages() throws Exception {
        Path root = Path.of("src/main/java/cn/civicloop");
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
