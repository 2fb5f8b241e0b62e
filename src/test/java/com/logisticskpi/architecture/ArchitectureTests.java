package com.logisticskpi.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of docs/architecture.md, enforced: {@code cli} → {@code jobs} (composition only, with {@code history})
 * → {@code delivery}, {@code report} → {@code kpi} → {@code ingest} → the shared base ({@code base}, {@code config}).
 * A layer may use the layers below it, never one above; {@code sample} (the export generator) is a tool only the CLI
 * calls. On top of the layers: no cycles between top-level features, none between the packages inside one.
 */
@AnalyzeClasses(packages = "com.logisticskpi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("com.logisticskpi.cli..")
            .layer("jobs").definedBy("com.logisticskpi.jobs..", "com.logisticskpi.history..")
            .layer("delivery").definedBy("com.logisticskpi.delivery..")
            .layer("report").definedBy("com.logisticskpi.report..")
            .layer("kpi").definedBy("com.logisticskpi.kpi..")
            .layer("ingest").definedBy("com.logisticskpi.ingest..")
            .layer("sample").definedBy("com.logisticskpi.sample..")
            .layer("base").definedBy("com.logisticskpi.base..", "com.logisticskpi.config..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("jobs").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("delivery").mayOnlyBeAccessedByLayers("jobs", "cli")
            .whereLayer("report").mayOnlyBeAccessedByLayers("delivery", "jobs", "cli")
            .whereLayer("kpi").mayOnlyBeAccessedByLayers("report", "delivery", "jobs", "cli")
            .whereLayer("ingest").mayOnlyBeAccessedByLayers("kpi", "report", "delivery", "jobs", "cli")
            .whereLayer("sample").mayOnlyBeAccessedByLayers("cli");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("com.logisticskpi.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("com.logisticskpi.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresDoNotKnowTheCli = noClasses().that().resideOutsideOfPackage("com.logisticskpi.cli..")
            .should().dependOnClassesThat().resideInAPackage("com.logisticskpi.cli..");

    /**
     * Jobs only compose: every step's work (tasklets, readers, processors, writers) is published by its feature
     * (ingest, kpi, report, delivery), and {@code jobs} wires those steps into jobs, with their inputs and listeners.
     */
    @ArchTest
    static final ArchRule jobsOnlyComposeSteps = noClasses().that().resideInAnyPackage("com.logisticskpi.jobs..",
                    "com.logisticskpi.history..")
            .should().implement(Tasklet.class).orShould().implement(ItemReader.class)
            .orShould().implement(ItemProcessor.class).orShould().implement(ItemWriter.class)
            .because("jobs only wires the features' steps into jobs (docs/architecture.md)");
}
