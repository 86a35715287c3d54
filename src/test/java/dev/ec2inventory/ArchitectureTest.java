package dev.ec2inventory;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.ServerSocket;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.ServerSocketChannel;
import org.jooq.impl.DSL;

/**
 * The deployed code (target/classes; local tooling and tests compile elsewhere) keeps its arrows pointing down:
 * {@code api -> inventory -> dataapi.jooq -> dataapi (core) -> AWS SDK}, and
 * {@code migration -> dataapi.jdbc -> dataapi (core)}.
 */
@AnalyzeClasses(packages = "dev.ec2inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String API = "dev.ec2inventory.api..";
    private static final String MIGRATION = "dev.ec2inventory.migration..";
    private static final String INVENTORY = "dev.ec2inventory.inventory..";
    private static final String TRANSLATOR = "dev.ec2inventory.dataapi.jooq..";
    private static final String DRIVER = "dev.ec2inventory.dataapi.jdbc..";
    /** The core alone: its subpackages are the layers above it. */
    private static final String CORE = "dev.ec2inventory.dataapi";

    @ArchTest
    static final ArchRule arrowsPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy(API)
            .layer("migration").definedBy(MIGRATION)
            .layer("inventory").definedBy(INVENTORY)
            .layer("translator").definedBy(TRANSLATOR)
            .layer("driver").definedBy(DRIVER)
            .layer("core").definedBy(CORE)
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            .whereLayer("migration").mayNotBeAccessedByAnyLayer()
            .whereLayer("inventory").mayOnlyBeAccessedByLayers("api")
            .whereLayer("translator").mayOnlyBeAccessedByLayers("inventory", "api")
            .whereLayer("driver").mayOnlyBeAccessedByLayers("migration")
            .whereLayer("core").mayOnlyBeAccessedByLayers("translator", "driver", "inventory", "api", "migration");

    @ArchTest
    static final ArchRule translatorAndDriverStayApart = noClasses()
            .that().resideInAPackage(TRANSLATOR)
            .should().dependOnClassesThat().resideInAPackage(DRIVER)
            .because("the translator and the driver are two clients of the same core");

    @ArchTest
    static final ArchRule apiTouchesTheDataApiOnlyToBuildIt = noClasses()
            .that().resideInAPackage(API).and().haveNameNotMatching("dev\\.ec2inventory\\.api\\.FunctionWiring(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage(CORE, TRANSLATOR, DRIVER)
            .because("handlers work with the inventory; only the function's wiring builds the Data API translator");

    @ArchTest
    static final ArchRule onlyTheCoreSeesTheSdk = noClasses()
            .that().resideOutsideOfPackage(CORE)
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
            .because("the core wraps the SDK and exposes statements, results and exceptions of its own");

    @ArchTest
    static final ArchRule theCoreNeedsOnlyTheJdkAndAwsSdks = classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(CORE, "java..", "software.amazon.awssdk..",
                    "com.amazonaws.xray..")
            .because("the translator and the driver share the core, so it needs no library of either; besides the "
                    + "SDK's v2 client it uses the AWS X-Ray SDK (com.amazonaws.xray) for its trace subsegments");

    @ArchTest
    static final ArchRule onlyTheTranslatorSeesJooqUnderDataApi = noClasses()
            .that().resideInAPackage("dev.ec2inventory.dataapi..").and().resideOutsideOfPackage(TRANSLATOR)
            .should().dependOnClassesThat().resideInAPackage("org.jooq..")
            .because("jOOQ is the translator's business: the core and the driver map values without it");

    @ArchTest
    static final ArchRule handlersSeeNeitherJooqNorTheSdk = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "software.amazon.awssdk..");

    @ArchTest
    static final ArchRule persistenceTypesStayInTheRepository = noMethods()
            .that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("dev.ec2inventory.inventory")
            .and().areDeclaredInClassesThat().arePublic()
            .should().haveRawReturnType(resideInAnyPackage("org.jooq..", "software.amazon.awssdk..", CORE + ".."))
            .because("callers of the inventory get domain records, never jOOQ records or Data API values");

    @ArchTest
    static final ArchRule noUserNamedJooqParameters = noClasses()
            .should().callMethodWhere(target(owner(assignableTo(DSL.class))).and(target(name("param"))))
            .because("RenderedStatement names each placeholder after its bind position; a user-named parameter "
                    + "renders as :p<name> and would break that rule");

    @ArchTest
    static final ArchRule nothingDeployedDependsOnLocalTooling = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.ec2inventory.local..", "dev.ec2inventory.testing..");

    @ArchTest
    static final ArchRule noSocketServerIsDeployed = noClasses()
            .that().resideOutsideOfPackage("dev.ec2inventory.local..")
            .should().dependOnClassesThat().belongToAnyOf(ServerSocket.class, ServerSocketChannel.class,
                    AsynchronousServerSocketChannel.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("com.sun.net.httpserver..")
            .because("a function only calls out; listening is for the local tooling");

    @ArchTest
    static final ArchRule noCracIsDeployed = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.crac..")
            .because("the functions start from an AOT cache trained at build time, not from a snapshot");

    @ArchTest
    static final ArchRule deployedCodeIsTheLayers = classes()
            .should().resideInAnyPackage(API, MIGRATION, INVENTORY, TRANSLATOR, DRIVER, CORE);
}
