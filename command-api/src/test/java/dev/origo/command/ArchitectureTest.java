package dev.origo.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of DESIGN §1 and STYLE.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.origo.command");

    @Test
    void onlyTheRelayTouchesTheKafkaProducer() {
        noClasses().that().resideOutsideOfPackage("dev.origo.command.relay..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.clients.producer..",
                        "org.springframework.kafka.core..")
                .because("events reach Kafka only through the outbox and its relay")
                .check(CLASSES);
    }

    @Test
    void neverDependsOnTheReadSide() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.origo.query..", "dev.origo.projector..",
                        "dev.origo.purge..")
                .because("services share code only through events-schema")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotReachIntoEachOther() {
        noClasses().that().resideInAnyPackage("dev.origo.command.publish..", "dev.origo.command.visibility..",
                        "dev.origo.command.deletion..", "dev.origo.command.token..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.origo.command.upload..",
                        "dev.origo.command.relay..")
                .check(CLASSES);
    }
}
