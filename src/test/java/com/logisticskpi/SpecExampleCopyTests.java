package com.logisticskpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tests read the spec's worked example from a copy in src/test/resources/spec-example, so that a clone without
 * ../shared still builds. This test keeps the copy honest: wherever the contract folder ../shared/spec/example sits
 * beside the checkout (as in CI), every file of it must equal the copy byte for byte.
 */
class SpecExampleCopyTests {

    private static final Path COPY = Path.of("src/test/resources/spec-example");
    private static final Path SPEC = Path.of("../shared/spec/example");

    @Test
    void copiedExampleEqualsTheContract() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SPEC), "../shared/spec/example is not beside this checkout");
        List<Path> specFiles;
        try (Stream<Path> s = Files.walk(SPEC)) {
            specFiles = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md")).toList();
        }
        assertThat(specFiles).hasSizeGreaterThanOrEqualTo(6);
        for (Path f : specFiles) {
            Path copy = COPY.resolve(SPEC.relativize(f).toString());
            assertThat(copy).as("copy of %s", f).exists();
            assertThat(Files.readAllBytes(copy)).as("copy of %s", f).isEqualTo(Files.readAllBytes(f));
        }
    }
}
