package io.stylegraph.api.architecture;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.http.annotation.Controller;
import io.stylegraph.api.Application;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.models.Vectors;
import io.stylegraph.training.model.FreedomTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module direction as rules over the compiled main classes of every module: {@code api → training →
 * graph-model, models}, the web framework and JDBC only in {@code api}, and controllers as entry points only.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // classes outside the modules stay stubs: resolving them from the class path takes a minute
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        // each module's own classes folder or jar, not the whole class path (hundreds of jars)
        Set<Location> modules = Stream.of(Application.class, Item.class, Vectors.class, FreedomTrainer.class)
                .map(LayeringTest::codeSource).collect(Collectors.toSet());
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(modules);
    }

    @Test
    void shouldKeepTheGraphModelFreeOfTrainingAndTheService() {
        check(noClasses().that().resideInAPackage("io.stylegraph.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("io.stylegraph.training..", "io.stylegraph.api..",
                        "io.stylegraph.models.."));
    }

    @Test
    void shouldKeepTheEncodersFreeOfTheGraphTrainingAndTheService() {
        check(noClasses().that().resideInAPackage("io.stylegraph.models..")
                .should().dependOnClassesThat().resideInAnyPackage("io.stylegraph.graph..", "io.stylegraph.training..",
                        "io.stylegraph.api.."));
    }

    @Test
    void shouldKeepTrainingFreeOfTheService() {
        check(noClasses().that().resideInAPackage("io.stylegraph.training..")
                .should().dependOnClassesThat().resideInAPackage("io.stylegraph.api.."));
    }

    @Test
    void shouldKeepTheWebFrameworkAndJdbcInTheServiceModule() {
        check(noClasses().that().resideInAnyPackage("io.stylegraph.graph..", "io.stylegraph.models..",
                        "io.stylegraph.training..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta.inject..",
                        "java.sql..", "javax.sql..", "org.postgresql.."));
    }

    @Test
    void shouldHaveNoCyclesBetweenModules() {
        check(slices().matching("io.stylegraph.(*)..").should().beFreeOfCycles());
    }

    @Test
    void shouldHaveNoCyclesBetweenThePackagesOfTheLibraryModules() {
        check(slices().matching("io.stylegraph.graph.(*)..").should().beFreeOfCycles());
        check(slices().matching("io.stylegraph.models.(*)..").should().beFreeOfCycles());
        check(slices().matching("io.stylegraph.training.(*)..").should().beFreeOfCycles());
    }

    /** The service's packages form no cycles either. */
    @Test
    void shouldHaveNoCyclesBetweenTheServicePackages() {
        check(slices().matching("io.stylegraph.api.(*)..").should().beFreeOfCycles());
    }

    @Test
    void shouldReachControllersOnlyFromTheWebFramework() {
        // Micronaut's generated bean definitions ($…$Definition) are the framework reaching them
        check(noClasses().that().areNotAnnotatedWith(Controller.class).and().haveNameNotMatching(".*\\.\\$[^.]*")
                .should().dependOnClassesThat().areAnnotatedWith(Controller.class));
    }

    /** The classes folder (a build in place) or jar (a reactor build after packaging) the type was loaded from. */
    private static Location codeSource(Class<?> type) {
        try {
            Path path = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(path) ? Location.of(path) : Location.of(new JarFile(path.toFile()));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot locate the classes of " + type, e);
        }
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
