package io.agentevents.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** STYLE.md section 4: the hexagon, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "io.agentevents",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** The modules' test-jars (shared fixtures) are on this test's classpath; they are not production code. */
    static final class DoNotIncludeTestJars implements ImportOption {

        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static final String DOMAIN = "io.agentevents.domain..";
    private static final String APPLICATION = "io.agentevents.application..";
    private static final String PORTS = "io.agentevents.application.port..";
    private static final String PORTS_IN = "io.agentevents.application.port.in..";
    private static final String PORTS_OUT = "io.agentevents.application.port.out..";
    private static final String SERVICES = "io.agentevents.application.service..";
    private static final String MEMORY = "io.agentevents.application.memory..";
    private static final String HTTP = "io.agentevents.adapter.http..";
    private static final String POSTGRES = "io.agentevents.adapter.postgres..";
    private static final String KEYSTONE = "io.agentevents.adapter.keystone..";
    private static final String BOOTSTRAP = "io.agentevents.bootstrap..";

    @ArchTest
    static final ArchRule domainDependsOnlyOnItselfAndTheJdk = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    @ArchTest
    static final ArchRule applicationDependsOnlyOnItselfTheDomainAndTheJdk = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "javax.crypto..");

    /** Every layer must hold classes (an empty one fails), so a renamed package breaks this test. */
    @ArchTest
    static final ArchRule hexagon = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Ports").definedBy(PORTS)
            .layer("Services").definedBy(SERVICES)
            .layer("Memory").definedBy(MEMORY)
            .layer("Http").definedBy(HTTP)
            .layer("Postgres").definedBy(POSTGRES)
            .layer("Keystone").definedBy(KEYSTONE)
            .layer("Bootstrap").definedBy(BOOTSTRAP)
            .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Memory").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Http").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Postgres").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Keystone").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Ports").mayOnlyBeAccessedByLayers("Services", "Memory", "Http", "Postgres", "Keystone", "Bootstrap")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Ports", "Services", "Memory", "Http", "Postgres", "Keystone",
                    "Bootstrap");

    @ArchTest
    static final ArchRule inPortsKnowNeitherOutPortsNorServices = noClasses().that().resideInAPackage(PORTS_IN)
            .should().dependOnClassesThat().resideInAnyPackage(PORTS_OUT, SERVICES);

    @ArchTest
    static final ArchRule outPortsKnowNeitherInPortsNorServices = noClasses().that().resideInAPackage(PORTS_OUT)
            .should().dependOnClassesThat().resideInAnyPackage(PORTS_IN, SERVICES);

    @ArchTest
    static final ArchRule onlyBootstrapReadsTheSystemClock = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .because("time is injected: services get a Clock, the domain gets instants");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.agentevents.(**)").should().beFreeOfCycles();

    /** One contract per use case: one method, no default twins. */
    @ArchTest
    static final ArchRule inPortsAreOneMethodEach = classes().that().resideInAPackage(PORTS_IN).and().areInterfaces()
            .and().haveSimpleNameEndingWith("UseCase")
            .should(new ArchCondition<JavaClass>("declare exactly one method") {
                @Override
                public void check(JavaClass port, ConditionEvents events) {
                    long methods = port.getMethods().stream()
                            .filter(method -> !method.getModifiers().contains(JavaModifier.STATIC))
                            .filter(method -> !method.getModifiers().contains(JavaModifier.SYNTHETIC))
                            .count();
                    if (methods != 1) {
                        events.add(SimpleConditionEvent.violated(port, port.getName() + " declares " + methods
                                + " methods"));
                    }
                }
            });

    /**
     * The domain's event package held fifteen types when 0.1.0 published it; they are its API, so
     * it cannot be split. Event types since then live with their feature, each feature adding one
     * non-sealed extension point here (requests made of agents, presence flips).
     */
    private static final Map<String, Long> PUBLISHED_FULL = Map.of("io.agentevents.domain.event", 16L);

    /** Packages stay small enough to read: split one by feature before it passes this. */
    @ArchTest
    static void packagesHoldAtMostFifteenClasses(JavaClasses classes) {
        Map<String, Long> perPackage = classes.stream().filter(JavaClass::isTopLevelClass)
                .filter(type -> !type.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getPackageName, TreeMap::new, Collectors.counting()));
        assertThat(perPackage).allSatisfy((name, count) -> assertThat(count).as(name)
                .isLessThanOrEqualTo(PUBLISHED_FULL.getOrDefault(name, 15L)));
    }

    @ArchTest
    static final ArchRule useCasesAreImplementedByServices = classes()
            .that(describe("implement a use case", (JavaClass type) -> !type.isInterface() && type.getAllRawInterfaces()
                    .stream().anyMatch(contract -> contract.getSimpleName().endsWith("UseCase"))))
            .should().haveSimpleNameEndingWith("Service")
            .andShould().resideInAPackage(SERVICES);
}
