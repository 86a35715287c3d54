package dev.ec2inventory;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The deployed code (target/classes; local tooling and tests compile elsewhere) keeps its arrows pointing down:
 * {@code api -> inventory -> dataapi -> AWS SDK}.
 */
@AnalyzeClasses(packages = "dev.ec2inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String API = "dev.ec2inventory.api..";
    private static final String INVENTORY = "dev.ec2inventory.inventory..";
    private static final String DATA_API = "dev.ec2inventory.dataapi..";

    @ArchTest
    static final ArchRule arrowsPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy(API)
            .layer("inventory").definedBy(INVENTORY)
            .layer("dataapi").definedBy(DATA_API)
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            .whereLayer("inventory").mayOnlyBeAccessedByLayers("api")
            .whereLayer("dataapi").mayOnlyBeAccessedByLayers("inventory", "api");

    @ArchTest
    static final ArchRule apiTouchesTheTranslatorOnlyToBuildIt = noClasses()
            .that().resideInAPackage(API).and().doNotHaveSimpleName("FunctionEnvironment")
            .should().dependOnClassesThat().resideInAPackage(DATA_API)
            .because("handlers work with the inventory; only the cold-start wiring builds the Data API translator");

    @ArchTest
    static final ArchRule onlyTheTranslatorSpeaksDataApi = noClasses()
            .that().resideOutsideOfPackage(DATA_API)
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services.rdsdata..");

    @ArchTest
    static final ArchRule handlersSeeNeitherJooqNorTheSdk = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "software.amazon.awssdk..");

    @ArchTest
    static final ArchRule persistenceTypesStayInTheRepository = noMethods()
            .that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("dev.ec2inventory.inventory")
            .should().haveRawReturnType(resideInAnyPackage("org.jooq..", "software.amazon.awssdk.."))
            .because("callers of the inventory get domain records, never jOOQ records or Data API fields");

    @ArchTest
    static final ArchRule nothingDeployedDependsOnLocalTooling = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.ec2inventory.local..", "dev.ec2inventory.testing..");

    @ArchTest
    static final ArchRule deployedCodeIsTheThreeLayers = classes()
            .should().resideInAnyPackage(API, INVENTORY, DATA_API);
}
